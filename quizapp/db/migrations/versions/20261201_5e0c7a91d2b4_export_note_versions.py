"""export note versions: the Anki change ledger per deck (issue 10)

Revision ID: 5e0c7a91d2b4
Revises: c3f1a9e4b7d2
Create Date: 2026-12-01 05:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e0c7a91d2b4'
down_revision = 'c3f1a9e4b7d2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('export_note_version',
    sa.Column('deck_slug', sa.String(length=100), nullable=False),
    sa.Column('variant', sa.String(length=10), nullable=False),
    sa.Column('question_id', sa.String(length=200), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('deck_slug', 'variant', 'question_id', name=op.f('pk_export_note_version'))
    )


def downgrade():
    op.drop_table('export_note_version')
