# ruff: noqa: E501  (the case table keeps one example per line, to be read as a table)
"""Each acceptance rule (audit 0's failure patterns) rejects its pattern and keeps a good twin."""

from __future__ import annotations

from collections import Counter

import pytest

from questions import acceptance as acc
from questions.acceptance_slots import top_words
from questions.model import CLOZE_BLANK, Kind, Question, Source

COUNTS = {"dopamine": 4, "motor neurons": 3, "safe and effective": 2}


def lex(defined: tuple[str, ...] = (), title: str = "Head lice") -> acc.Lexicon:
    return acc.Lexicon(
        lambda phrase: COUNTS.get(phrase.casefold(), 1),
        frozenset(defined),
        title.casefold(),
        frozenset(["f-shared"]),
        {},
        frozenset(["louse", "hair", "scalp"]),  # the page's commonest words (``top_words``)
    )


def q(
    prompt: str,
    answer: str,
    kind: Kind = Kind.CLOZE,
    options: tuple[str, ...] = (),
    fact_id: str = "f-1",
    qid: str = "q-1",
    start: int = 0,
) -> Question:
    sentence = prompt.replace(CLOZE_BLANK, answer)
    return Question(
        id=qid,
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation="",
        fact_id=fact_id,
        fact_kind={"f-gloss": "gloss", "f-qa": "qa"}.get(fact_id, "key_term"),
        entity="",
        source=Source("s", sentence, start, start + len(sentence)),
        options=options,
        correct=0 if options else None,
    )


C, F, T, M = Kind.CLOZE, Kind.FLASHCARD, Kind.TRUE_FALSE, Kind.MULTIPLE_CHOICE
NUMBER_STEM = (
    "Which value completes the sentence: “Treat again 9 to ___ after the first treatment.”"
)
UNIT_STEM = "Which value completes the sentence: “The coefficient exceeds ___⁻¹ cm⁻¹ in ether.”"
TABLE = "According to the article's table, what is the “C2 group” value for chlorophyll a?"
TERM = "Which term does the article use for {}?"
HEAD_LICE = "Parasites - Lice - Head Lice"
MND = "Motor neuron disease"
SENTENCE = "Which value completes the article's sentence: “{}”"
NCS = "Which item is described as measuring the speed of nerve signals?"

# (code, prompt, answer, kind, options, fact id, title, rejected?): audit 0's examples of each
# pattern, and a near twin that a teacher would accept.
CASES = [
    ("page_reference", "Our CPAP {{blank}} will set up your machine at the clinic.", "nurses", C, (), "f-1", "", True),
    ("page_reference", "Our day gets longer by about {{blank}} each century.", "0.002 second", C, (), "f-1", "", False),
    ("page_reference", "The {{blank}} model in our gallery is a full-size replica.", "spacecraft", C, (), "f-1", "", True),
    ("page_reference", "Each spine is a hollow hair made of {{blank}}, as are our fingernails.", "keratin", C, (), "f-1", "", False),
    ("contact_answer", "What is given for “CPAP helpline”?", "01632 960 422", F, (), "f-1", "", True),
    ("contact_answer", "Phone us or email recycling@{{blank}}.gov.uk for a bin.", "ashbournevale", C, (), "f-1", "", True),
    ("page_reference", "Our {{blank}} gives free advice by email and at community events.", "volunteer Compost Doctor team", C, (), "f-1", "", True),
    ("page_reference", "Tempering demonstrations take place in the {{blank}} every day at 11:00 and 14:30.", "Cocoa Room", C, (), "f-1", "", True),
    ("page_reference", "The race started at 9.30 and the winner crossed the line in {{blank}}.", "2 hours 3 minutes", C, (), "f-1", "", False),
    ("page_reference", "If you see rats, contact our Pest Control service, which charges {{blank}}.", "£65", C, (), "f-1", "", True),
    ("contact_answer", "How many people live in the city?", "1,200,000", F, (), "f-1", "", False),
    ("profession_blank", "{{blank}} measure the flow of large currents in sverdrups.", "Oceanographers", C, (), "f-1", "", True),
    ("profession_blank", "{{blank}} sort demand into categories by its elasticity.", "Economists", C, (), "f-1", "", True),
    ("profession_blank", "Around 1400 the League fought a band of {{blank}} in the Baltic.", "privateers", C, (), "f-1", "", False),
    ("filler_blank", "Various {{blank}} of muscle weakness are seen in these patients.", "patterns", C, (), "f-1", "", True),
    ("filler_blank", "However, some {{blank}} go away for weeks to months.", "people's symptoms", C, (), "f-1", "", True),
    ("filler_blank", "The brain uses iron to make the chemical {{blank}} in nerve cells.", "dopamine", C, (), "f-1", "", False),
    ("filler_blank", "A butyl tube can lose a few {{blank}} a week through the rubber.", "psi", C, (), "f-1", "", True),
    ("fixed_phrase", "Motor neuron disease shortens one's life {{blank}} by several years.", "expectancy", C, (), "f-1", "", True),
    ("fixed_phrase", "Motor neuron disease shortens life {{blank}} by several years.", "dopamine", C, (), "f-1", "", False),
    ("list_member", "Remove things that interfere with sleep, such as a TV, {{blank}}, or phone.", "computer", C, (), "f-1", "", True),
    ("list_member", "The feelings are tingling, burning, aching, or {{blank}}.", "electric shocks", C, (), "f-1", "", True),
    ("list_member", "The main cause of the syndrome is a lack of iron in the {{blank}}.", "brain", C, (), "f-1", "", False),
    ("list_member", "Cramps follow an imbalance between excitation and {{blank}} of muscle.", "relaxation", C, (), "f-1", "", False),
    ("acronym_leak", "What is the abbreviation for lower motor neurons?", "LMN", F, (), "f-1", "", True),
    ("acronym_leak", "Motor neuron diseases ({{blank}}) affect both children and adults.", "MNDs", C, (), "f-1", "", True),
    ("acronym_leak", "It happens at the step of {{blank}} acid (ALA) in the cell.", "aminolevulinic", C, (), "f-1", "", True),
    ("acronym_leak", "Pure upper motor neuron diseases, or those with just {{blank}}, are rare.", "UMN findings", C, (), "f-1", "", True),
    ("acronym_leak", "FDA stands for Food and Drug Administration.", "True", T, (), "f-1", "", True),
    ("acronym_leak", "ALS stands for amyotrophic lateral sclerosis.", "True", T, (), "f-1", "", False),
    ("acronym_leak", "What does ALS stand for?", "Amyotrophic lateral sclerosis", F, (), "f-1", "", False),
    ("page_reference", "Please refer to individual articles for more {{blank}} on each type.", "details", C, (), "f-1", "", True),
    ("page_reference", "See the National {{blank}}, Lung, and Blood Institute guide today.", "Heart", C, (), "f-1", "", True),
    ("page_reference", "Chlorophyll absorbs mostly blue and red {{blank}} from the sun.", "light", C, (), "f-1", "", False),
    ("page_reference", "The forces on {{blank}} are illustrated in Figure 4.16.", "Earth", C, (), "f-1", "", True),
    ("fragment", "{{blank}} medicines (used to treat upset stomach)", "Antinausea", C, (), "f-1", "", True),
    ("fragment", "using infested combs, {{blank}} or towels; or", "brushes", C, (), "f-1", "", True),
    ("fragment", "{{blank}} medicines can worsen the symptoms of the syndrome.", "Antinausea", C, (), "f-1", "", False),
    ("unresolved_opener", "Having done so, these same centers execute their {{blank}} function.", "second", C, (), "f-1", "", True),
    ("unresolved_opener", "However, he or she may suggest that you see a {{blank}} soon.", "neurologist", C, (), "f-1", "", True),
    ("unresolved_opener", "Your doctor may suggest that you see a {{blank}} about the legs.", "neurologist", C, (), "f-1", "", False),
    ("unresolved_opener", "So the {{blank}} rises twice a day on most coasts.", "tide", C, (), "f-1", "", True),
    ("unresolved_opener", "In this case, the {{blank}} are carried by the water.", "nutrients", C, (), "f-1", "", True),
    ("unresolved_opener", "The kidneys excrete these ions when {{blank}} levels rise.", "aldosterone", C, (), "f-1", "", True),
    ("unresolved_opener", "Still others block the {{blank}} of calcium.", "absorption", C, (), "f-1", "", True),
    ("unresolved_opener", "In 1450 he built a {{blank}} with movable type.", "press", C, (), "f-1", "", True),
    ("unresolved_opener", "Gutenberg printed his {{blank}} in Mainz.", "Bible", C, (), "f-1", "", False),
    ("unresolved_opener", "{{blank}}, caused by high blood sugar, is a common example.", "Diabetic neuropathy", C, (), "f-1", "", True),
    ("unresolved_opener", "{{blank}} is a common example of a neuropathy.", "Diabetic neuropathy", C, (), "f-1", "", False),
    ("unresolved_opener", "Calcium ions bind {{blank}}; these ions also bind bone.", "troponin", C, (), "f-1", "", False),
    ("unresolved_opener", "Drugs such as {{blank}} lower blood pressure.", "diuretics", C, (), "f-1", "", False),
    ("unresolved_opener", "For many people with diabetes, this means a level lower than {{blank}}.", "70 mg/dL", C, (), "f-1", "", True),
    ("unresolved_opener", "For many people with diabetes, a level lower than {{blank}} is low.", "70 mg/dL", C, (), "f-1", "", False),
    ("unresolved_opener", "Sodium and potassium are electrolytes; so are {{blank}} ions.", "chloride", C, (), "f-1", "", False),
    ("bad_span", "Comb the lice out of the hair using a fine–{{blank}} comb.", "toothed nit", C, (), "f-1", "", True),
    ("bad_span", "When {{blank}} in the brain, the legs ache at night.", "the iron is low", C, (), "f-1", "", True),
    ("bad_span", "Soak combs in hot water for at least {{blank}} minutes before use.", "10", C, (), "f-1", "", True),
    ("bad_span", "If the same 12 links measure 12 1/{{blank}}, the chain is worn.", "16 inches", C, (), "f-1", "", True),
    ("bad_span", "{{blank}} peal is 1,250 changes and takes about 45 minutes.", "A quarter", C, (), "f-1", "", True),
    ("bad_span", "By the {{blank}} was being made in Spain.", "12th century paper", C, (), "f-1", "", True),
    ("bad_span", "Indoors the club meets on {{blank}}:30 to 21:30 in the sports hall.", "Thursdays 19", C, (), "f-1", "", True),
    ("bad_span", "{{blank}} but are noisy and inefficient at airliner speeds.", "Turbojets suit supersonic flight", C, (), "f-1", "", True),
    ("bad_span", "The first true peal was rung at {{blank}} in Norwich.", "St Peter Mancroft", C, (), "f-1", "", False),
    ("bad_span", "A structure of ({{blank}})-chlorophyll a was deduced from the spectra.", "2-formyl", C, (), "f-1", "", True),
    ("bad_span", UNIT_STEM, "10⁵ M", M, ("10⁵ M", "41 mg", "6 mg"), "f-1", "", True),
    ("bad_span", "Do not {{blank}} such as hats, scarves or coats with others.", "share clothing", C, (), "f-1", "", True),
    ("bad_span", "Soak combs in hot water for at least {{blank}} before use.", "10 minutes", C, (), "f-1", "", False),
    ("pair_leak", "The damage to the {{blank}} motor neurons differs from upper ones.", "lower", C, (), "f-1", "", True),
    ("pair_leak", "Some cases are sporadic ({{blank}}) and some are genetic (15%).", "85%", C, (), "f-1", "", True),
    ("pair_leak", "Diseases with both {{blank}} and LMN findings include ALS.", "UMN", C, (), "f-1", "", True),
    ("pair_leak", "The damage to the {{blank}} motor neurons weakens the muscles.", "lower", C, (), "f-1", "", False),
    ("pair_leak", "Diseases with {{blank}} findings include ALS.", "UMN", C, (), "f-1", "", False),
    ("shared_predicate", "{{blank}} is safe and effective when used as directed.", "Permethrin", C, (), "f-1", "", True),
    ("shared_predicate", "{{blank}} are safe and effective when used as directed.", "Pyrethrins", C, (), "f-1", "", True),
    ("shared_predicate", "{{blank}} is a synthetic pyrethroid similar to natural pyrethrins.", "Permethrin", C, (), "f-1", "", False),
    ("shared_value", TABLE, "−CH₃", F, (), "f-shared", "", True),
    ("shared_value", TABLE, "−CHO", F, (), "f-unique", "", False),
    ("number_distractor", NUMBER_STEM, "10 days", M, ("10 days", "7 days", "2–3 days"), "f-1", "", True),
    ("number_distractor", NUMBER_STEM, "10 days", M, ("10 days", "10–12 days", "14 days"), "f-1", "", True),
    ("number_distractor", NUMBER_STEM, "10 days", M, ("10 days", "12 days", "14 days"), "f-1", "", False),
    ("broken_template", "According to the article, what may some women continue to?", "Have it", F, (), "f-1", "", True),
    ("broken_template", "In the article, nausea is lower legs.", "False", T, (), "f-1", "", True),
    ("broken_template", TERM.format("single chlorin double"), "Porphyrin", F, (), "f-1", "", True),
    ("broken_template", TERM.format("lower legs"), "Calves", F, (), "f-1", "", False),
    ("broken_template", "What is chlorosis?", "A yellowing of leaves", F, (), "f-1", "", False),
    ("topic_answer", "Infestation with {{blank}} is common among young children.", "head lice", C, (), "f-1", "", True),
    ("topic_answer", "Infestation with {{blank}} is common in children.", "head lice", C, (), "f-1", HEAD_LICE, True),
    ("topic_answer", "The {{blank}} has no cure yet, sadly.", "motor neuron diseases", C, (), "f-1", MND, True),
    ("topic_answer", "An {{blank}} keeps data in flash memory chips.", "SSD", C, (), "f-1", "Solid-State Drives (SSDs): Frequently Asked Questions", True),
    ("topic_answer", "Damage to the {{blank}} weakens the muscles of the arms.", "motor neurons", C, (), "f-1", MND, False),
    ("topic_answer", "Infestation with head lice is common among young {{blank}}.", "schoolchildren", C, (), "f-1", "", False),
    ("list_member", "Nerve signals control muscle {{blank}} and releases.", "contractions", C, (), "f-1", "", True),
    ("label_leak", "Hypocalcemia: {{blank}} play a critical role in muscle contraction.", "Calcium ions", C, (), "f-1", "", True),
    ("label_leak", SENTENCE.format("Hypocalcemia: {{blank}} play a critical role in muscle contraction."), "Calcium ions", M, ("Calcium ions", "Iron", "Zinc"), "f-1", "", True),
    ("label_leak", "MS: Immune attacks damage the {{blank}}, insulating nerve fibers.", "myelin sheath", C, (), "f-1", "", False),
    ("option_cue", NCS, "Nerve conduction studies", M, ("Nerve conduction studies", "Blood tests", "Electromyography"), "f-1", "", True),
    ("option_cue", NCS, "Nerve conduction studies", M, ("Nerve conduction studies", "Nerve biopsy", "Electromyography"), "f-1", "", False),
    ("option_cue", "Which value completes the article's sentence: “Brewers dissolve about ___ of the grounds.”", "18 to 22 percent", M, ("18 to 22 percent", "2.2 percent", "1.2 percent"), "f-1", "", True),
    ("option_cue", "Which value completes the article's sentence: “Median survival is ___.”", "2–5 years", M, ("2–5 years", "8–10 years", "6 months – 3 years"), "f-1", "", False),
    ("unresolved_opener", "In fact, {{blank}} is the more accurate word for it.", "oxidation", C, (), "f-1", "", True),
    ("unresolved_opener", "In Britain it became fashionable in the {{blank}}.", "1660s", C, (), "f-1", "", True),
    ("unresolved_opener", "{{blank}} became famous because it grew from a cornfield in 1943.", "Parícutin", C, (), "f-1", "", False),
    ("generic_phrase", "Injury can interrupt {{blank}} traveling to and from the brain.", "nerve signals", C, (), "f-1", "", True),
    ("generic_phrase", "Usually, the initial symptom is {{blank}} early in the disease.", "foot drop", C, (), "f-1", "", False),
    ("generic_phrase", "Injury can interrupt {{blank}} traveling to and from the brain.", "motor neurons", C, (), "f-1", "", False),
    ("cognate_leak", "What is the Hansetag?", "Hanseatic Diet", F, (), "f-gloss", "", True),
    ("cognate_leak", "The Hansetag is the Hanseatic Diet.", "True", T, (), "f-gloss", "", True),
    ("cognate_leak", "What is hypertension?", "High blood pressure", F, (), "f-gloss", "", False),
    ("open_answer", "Many factors trigger cramps, including dehydration or strenuous exercise.", "Dehydration or strenuous exercise", F, (), "f-1", "", True),
    ("open_answer", "Cramps are triggered by dehydration or strenuous exercise.", "Dehydration or strenuous exercise", F, (), "f-1", "", False),
    ("thin_cloze", "{{blank}} can be kept safely if you follow a few rules.", "Leftovers", C, (), "f-1", "", True),
    ("thin_cloze", "Nits are glued to the hair shaft near the scalp by the {{blank}}.", "louse", C, (), "f-1", "", False),
    ("everyday_plural", "A team of {{blank}} began digging at the site that year.", "archaeologists", C, (), "f-1", "", True),
    ("everyday_plural", "Lice lay their eggs, called {{blank}}, on the hair shaft.", "nits", C, (), "f-1", "", False),
    ("everyday_word", "The {{blank}} should be a deep golden brown when the bread is done.", "crust", C, (), "f-1", "", True),
    ("subject_phrase", "{{blank}} improves fitness and lung health.", "Regular exercise", C, (), "f-1", "", True),
    ("subject_phrase", "{{blank}} is a complication of shingles that affects the face.", "Ramsay Hunt syndrome", C, (), "f-1", "", False),
    ("subject_phrase", "{{blank}} was one of the largest penguins that ever lived.", "Kumimanu fordycei", C, (), "f-1", "", False),
    ("everyday_phrase", "The conference ended with a {{blank}} that few Germans accepted.", "peace settlement", C, (), "f-1", "", True),
    ("everyday_phrase", "Muscles in the hands tighten into {{blank}} when calcium is low.", "carpopedal spasms", C, (), "f-1", "", False),
    ("everyday_phrase", "Diseases that damage the {{blank}} weaken the muscles.", "motor neurons", C, (), "f-1", "", False),
    ("everyday_word", "The eyeball sits in a bony socket called the {{blank}}.", "orbit", C, (), "f-1", "", False),
    ("everyday_word", "Spores form in capsules on the {{blank}} of each frond.", "sporangia", C, (), "f-1", "", False),
    ("everyday_word", "Cramps arise from an imbalance between muscle excitation and {{blank}}.", "relaxation", C, (), "f-1", "", False),
    ("instruction", "Peel a thin layer of {{blank}} from the inside of an onion leaf.", "epidermis", C, (), "f-1", "", True),
    ("instruction", "The onion leaf has a thin layer of {{blank}} on its inside.", "epidermis", C, (), "f-1", "", False),
    ("instruction", "Never {{blank}} an SSD; use secure erase to wipe it.", "defragment", C, (), "f-1", "", True),
    ("instruction", "When revising, practise explaining why {{blank}} made brass chromatic.", "valves", C, (), "f-1", "", True),
    ("instruction", "If a child swallows {{blank}}, take them to A&E straight away.", "iron tablets", C, (), "f-1", "", True),
    ("instruction", "When heated, {{blank}} expands and rises.", "water", C, (), "f-1", "", False),
    ("instruction", "Have {{blank}} serviced once a year by a qualified engineer.", "fuel-burning appliances", C, (), "f-1", "", True),
    ("topic_word", "Young {{blank}} hatch after about a week on the scalp.", "lice", C, (), "f-1", "", True),
    ("topic_word", "Young {{blank}} hatch after about a week on the scalp.", "nymphs", C, (), "f-1", "", False),
    ("owner_blank", "Pork should have no pink meat inside and their {{blank}} should run clear.", "juices", C, (), "f-1", "", True),
    ("owner_blank", "Pork should have no pink meat inside and the {{blank}} should run clear.", "juices", C, (), "f-1", "", False),
    ("title_word", "{{blank}} spread mainly by direct head-to-head contact.", "Head lice", C, (), "f-1", "Head lice", True),
    ("title_word", "{{blank}} is the best-known periodic comet.", "Halley's Comet", C, (), "f-1", "Comets", False),
    ("label_stem", "Tornadoes - can form within the {{blank}} of a storm.", "rainbands", C, (), "f-1", "", True),
    ("label_stem", "Tornadoes can form within the {{blank}} of a storm.", "rainbands", C, (), "f-1", "", False),
    ("dangling_pronoun", "Together with permanent snow, they store about {{blank}} of fresh water.", "69 percent", C, (), "f-1", "", True),
    ("dangling_pronoun", "Glaciers and ice sheets together store about {{blank}} of fresh water.", "69 percent", C, (), "f-1", "", False),
    ("dangling_pronoun", "From the {{blank}} many were floated on a bath of mercury.", "1890s", C, (), "f-1", "", True),
    ("dangling_pronoun", "At roughly {{blank}} long, it is the second-longest river in Europe.", "2,850 km", C, (), "f-1", "", True),
    ("label_stem", "{{blank}} - The African penguin is uplisted to Critically Endangered.", "2024", C, (), "f-1", "", True),
    ("bad_span", "The first British jet, the Gloster {{blank}}.28/39, flew in 1941.", "E", C, (), "f-1", "", True),
    ("dangling_pronoun", "From the {{blank}} many lenses were floated on mercury.", "1890s", C, (), "f-1", "", False),
    ("bad_span", "Tape is still cheaper per {{blank}} than any drive.", "gigabyte", C, (), "f-1", "", True),
    ("bad_span", "By the {{blank}} and tankers had grown too large to fit.", "1990s many container ships", C, (), "f-1", "", True),
    ("bad_span", "In 2006 voters approved the construction of {{blank}} set of locks.", "a third", C, (), "f-1", "", True),
    ("bad_span", "Under heat and pressure it {{blank}} into quartzite, a hard rock.", "recrystallises", C, (), "f-1", "", True),
    ("bad_span", "The record then fell to {{blank}} run in Fukuoka.", "Derek Clayton's 1967", C, (), "f-1", "", True),
    ("bad_span", "The heat released, {{blank}}, equals Qc plus the work done.", "Qh", C, (), "f-1", "", True),
    ("bad_span", "Light, {{blank}} appeared around 1900 and made the game faster.", "hollow celluloid balls", C, (), "f-1", "", True),
    ("unresolved_opener", "The best known {{blank}} was dichlorodifluoromethane.", "CFC", C, (), "f-1", "", True),
    ("unresolved_opener", "The name has been used in English for the {{blank}} since about 1450.", "hedgehog", C, (), "f-1", "", True),
    ("unresolved_opener", "The word {{blank}} comes from Old High German.", "hansa", C, (), "f-1", "", False),
    ("page_reference", "Join {{blank}} who survey gardens with our volunteers each spring.", "hedgehog champions", C, (), "f-1", "", True),
    ("first_person", "Do I need antibiotics straight after being bitten?", "Usually not", F, (), "f-1", "", True),
    ("first_person", "Which queen withdrew the privileges of the Steelyard?", "Elizabeth I", F, (), "f-1", "", False),
    ("name_fragment", "In 1351 the {{blank}} of Labourers tried to fix wages.", "Statute", C, (), "f-1", "", True),
    ("name_fragment", "According to the notary Gabriele de' {{blank}}, the plague came by sea.", "Mussi", C, (), "f-1", "", True),
    ("name_fragment", "An early link was reported by a Dr. {{blank}} in 1735.", "Cookson", C, (), "f-1", "", False),
    ("name_fragment", "At about the same time {{blank}} da Salò was making violins in Brescia.", "Gasparo", C, (), "f-1", "", True),
    ("range_end", "The plague moved west during the 1330s and {{blank}}.", "1340s", C, (), "f-1", "", True),
    ("compound_cut", "In the United Kingdom the term is spelled motor {{blank}} disease.", "neurone", C, (), "f-1", "", True),
    ("compound_cut", "The chloroplast holds stacks of flattened membrane {{blank}} called thylakoids.", "sacs", C, (), "f-1", "", True),
    ("compound_cut", "The word {{blank}} comes from Old High German.", "hansa", C, (), "f-1", "", False),
    ("glossed_blank", "A pawn may capture {{blank}} (in passing) on the next move only.", "en passant", C, (), "f-1", "", True),
    ("glossed_blank", "The physicist {{blank}} (1788–1827) worked for the commission.", "Augustin Fresnel", C, (), "f-1", "", False),
    ("glossed_blank", "Basaltic magma is low in {{blank}} (about 45–52 %) and very hot.", "silica", C, (), "f-1", "", False),
    ("glossed_blank", "Ships use {{blank}} (sound navigation and ranging) to find the depth.", "sonar", C, (), "f-1", "", True),
    ("unnamed_topic", "How do you win a game?", "By checkmate", F, (), "f-qa", "", True),
    ("unnamed_topic", "How is the board set up?", "With 64 squares", F, (), "f-qa", "", True),
    ("unnamed_topic", "Why are plants green?", "Chlorophyll reflects green light", F, (), "f-qa", "", False),
    ("faq_heading", "What happens if the ball touches the net on a serve?", "If a serve touches the net, it is called a let", F, (), "f-qa", "", True),
    ("faq_heading", "What is wear levelling?", "Wear levelling spreads writes over all the blocks", F, (), "f-qa", "", False),
    ("range_end", "Electromagnetism was developed between 1820 and {{blank}}.", "1873", C, (), "f-1", "", False),
    ("unresolved_opener", "However, {{blank}} can carry ticks into the home.", "pets", C, (), "f-1", "", True),
    ("unresolved_opener", "From there it spread to the ports of {{blank}}.", "North Africa", C, (), "f-1", "", True),
    ("unresolved_opener", "Males crowd together in {{blank}} of thousands of birds.", "huddles", C, (), "f-1", "", True),
    ("unresolved_opener", "Light streaming through them makes the dome float, as {{blank}} wrote.", "Procopius", C, (), "f-1", "", True),
    ("unresolved_opener", "Light streaming through the windows makes them glow, as {{blank}} wrote.", "Procopius", C, (), "f-1", "", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "prompt", "answer", "kind", "options", "fact", "title", "bad"), CASES
)
def test_rule(
    code: str,
    prompt: str,
    answer: str,
    kind: Kind,
    options: tuple[str, ...],
    fact: str,
    title: str,
    bad: bool,
) -> None:
    question = q(prompt, answer, kind, options, fact_id=fact)
    found = acc.reasons(question, lex(title=title) if title else lex())
    assert (code in found) == bad, found


def test_every_rule_has_a_rejected_and_a_kept_example() -> None:
    codes = {rule.__name__ for rule in acc.RULES}
    assert codes == {c[0] for c in CASES if c[-1]} == {c[0] for c in CASES if not c[-1]}


def test_similar_stems_keep_the_better_one() -> None:
    text = "Do not use fumigant {{blank}} or fogs; they can be toxic if inhaled by people."
    first = q(text, "sprays", qid="a", start=0)
    again = q(text, "sprays", qid="b", start=500)
    other = q(
        "Head lice are spread by direct head-to-head {{blank}}.", "contact", qid="c", start=900
    )
    same_sentence = q(text, "sprays", Kind.TRUE_FALSE, qid="d", start=0)
    value = {"a": 1.0, "b": 2.0, "c": 0.0, "d": 0.5}
    dropped = acc.similar([first, again, other, same_sentence], lambda x: value[x.id])
    assert dropped == {0, 3}  # both repeat the better-valued copy made at 500


def test_accept_counts_reasons() -> None:
    rejected: Counter[str] = Counter()
    good = q("The brain uses iron to make the chemical {{blank}} in nerve cells.", "dopamine")
    bad = q("What is the abbreviation for lower motor neurons?", "LMN", Kind.FLASHCARD, qid="x")
    assert acc.accept([good, bad], lex(), rejected) == [good]
    assert rejected["acronym_leak"] == 1
    assert "acronym_leak" in acc.REASONS


def test_the_pages_commonest_words_are_counted_singular_without_function_words() -> None:
    text = "Lice live on the scalp. A louse lays eggs on the hair. Lice and nits cling to hair."
    assert top_words(text) == frozenset(["louse", "hair", "cling"])


@pytest.mark.parametrize(
    ("sentence", "dangling"),
    [
        ("Between 1969 and 1972 it carried out six landings on the Moon.", True),
        ("Together with permanent snow, they store most of the fresh water.", True),
        ("Receivers that use two frequencies can remove most of it.", True),
        ("Bees shape it into hexagonal cells, a shape that stores the most honey.", True),
        ("For many years it was claimed that the blades were coated with chromium.", False),
        ("The late Baroque reached its height with Bach and Handel.", False),
        ("Lübeck and Hamburg agreed to protect the land route between them.", False),
        ("The Moon pulls on the oceans, and it raises two tidal bulges.", False),
    ],
)
def test_a_pronoun_that_names_nothing_before_it_is_refused(sentence: str, dangling: bool) -> None:
    question = q(sentence, "True", Kind.TRUE_FALSE)
    assert ("dangling_pronoun" in acc.reasons(question, lex())) == dangling
