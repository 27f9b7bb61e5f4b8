"""deck owner and visibility, question origin, overrides and reports

Revision ID: b7e1c2d3a4f5
Revises: 5e0c7a91d2b4
Create Date: 2026-12-01 05:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e1c2d3a4f5'
down_revision = '5e0c7a91d2b4'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('deck', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column('visibility', sa.String(length=10), nullable=False, server_default='public')
        )
        batch_op.create_index(batch_op.f('ix_deck_owner_id'), ['owner_id'], unique=False)
        batch_op.create_foreign_key(op.f('fk_deck_owner_id_user_account'), 'user_account', ['owner_id'], ['id'])
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('origin', sa.String(length=10), nullable=False, server_default='generated')
        )
    op.create_table(
        'question_override',
        sa.Column('deck_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=200), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['deck_id'], ['deck.id'], name=op.f('fk_question_override_deck_id_deck')),
        sa.PrimaryKeyConstraint('deck_id', 'question_id', name=op.f('pk_question_override')),
    )
    op.create_table(
        'question_report',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=200), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(length=20), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_question_report_question_id_question')),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_question_report_user_id_user_account')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_question_report')),
        sa.UniqueConstraint('question_id', 'user_id', name=op.f('uq_question_report_question_id_user_id')),
    )
    with op.batch_alter_table('question_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_report_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_question_report_user_id'), ['user_id'], unique=False)


def downgrade():
    op.drop_table('question_report')
    op.drop_table('question_override')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('origin')
    with op.batch_alter_table('deck', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_deck_owner_id_user_account'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_deck_owner_id'))
        batch_op.drop_column('visibility')
        batch_op.drop_column('owner_id')
