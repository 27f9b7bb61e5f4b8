"""assignment draw: same questions for everyone or one draw per student, fixed or shuffled

Revision ID: 5f1ab1e55e7a
Revises: b7e1c2d3a4f5
Create Date: 2026-12-01 05:00:00

Existing assignments keep what they did before: a different draw per student, shuffled.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5f1ab1e55e7a'
down_revision = 'b7e1c2d3a4f5'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('class_assignment', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('same_questions', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column('shuffled', sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(sa.Column('seed', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('class_assignment', schema=None) as batch_op:
        batch_op.drop_column('seed')
        batch_op.drop_column('shuffled')
        batch_op.drop_column('same_questions')
