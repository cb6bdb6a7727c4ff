"""Slack's limits on messages, Block Kit and views, written once.

The product keeps inside them (bot/slack/blocks.py clips, splits and caps) and the fake Slack
refuses what breaks them (sandbox/checks.py), as the Web API does. Figures from Slack's
Block Kit reference (blocks, elements, composition objects, views).
"""

from __future__ import annotations

MESSAGE_MAX_BLOCKS = 50
VIEW_MAX_BLOCKS = 100
MESSAGE_TEXT_MAX = 40_000
# The text all of a message's blocks may carry together, whatever each block's own limit: past
# it Slack answers `msg_blocks_too_long`. Undocumented; measured at 11,300-13,200 characters
# (slackapi/bolt-js#2509, #2867). bot/slack/blocks.py `split` keeps well under it.
MESSAGE_BLOCKS_TEXT_MAX = 12_000
RESPONSE_URL_USES = 5  # a response URL takes five posts, within 30 minutes
SECTION_TEXT_MAX = 3000
FIELD_TEXT_MAX = 2000
FIELDS_MAX = 10
HEADER_TEXT_MAX = 150
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
URL_MAX = 3000
ID_MAX = 255  # action_id, block_id, callback_id, external_id
ACTIONS_ELEMENTS_MAX = 25
CONTEXT_ELEMENTS_MAX = 10
PLACEHOLDER_MAX = 150
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150
SELECT_OPTIONS_MAX = 100
LABEL_MAX = 2000
TEXT_INPUT_MAX = 3000
VIEW_TITLE_MAX = 24
VIEW_BUTTON_MAX = 24
PRIVATE_METADATA_MAX = 3000
OPTION_GROUPS_MAX = 100
OPTIONS_MAX = {"overflow": 5, "radio_buttons": 10, "checkboxes": 10}  # selects: SELECT_OPTIONS_MAX
