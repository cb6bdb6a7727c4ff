"""The form engine: every kind of form that needs someone's signature (a job request, an
overtime form, a commission, a travel advance…) is registered once (forms/kinds.py, one module
per kind in forms/registered/), and one engine files it, routes it, takes its decisions step by
step, reminds and escalates, and moves it on when someone leaves (forms/engine.py and beside it).

It sits between the features (handlers/, scheduler/), which both call it, and the pieces below
(Slack views and texts, storage, rules)."""

import forms.registered  # noqa: F401  (every kind registers itself, whichever part is used)
