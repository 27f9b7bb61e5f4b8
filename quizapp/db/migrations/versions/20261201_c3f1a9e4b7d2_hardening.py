"""hardening: session generation per account, answer keys looked up alone

Revision ID: c3f1a9e4b7d2
Revises: 676423398d87
Create Date: 2026-12-01 04:50:00.000000

* ``user_account.session_generation``: bumped by logout and password changes; a session
  cookie carrying an older generation is no longer signed in.
* ``ix_review_log_answer_key``: a cookieless retry of a first answer is found by its
  idempotency key alone (no full scan of the answers).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3f1a9e4b7d2'
down_revision = '676423398d87'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('session_generation', sa.Integer(), server_default='0', nullable=False)
        )
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index('ix_review_log_answer_key', ['answer_key'], unique=False)


def downgrade():
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.drop_index('ix_review_log_answer_key')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('session_generation')
