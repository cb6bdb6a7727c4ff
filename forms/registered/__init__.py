"""Every form kind's registration: one module per kind (or family of kinds), each calling
`forms.kinds.register`. Adding a module here is all it takes to load it: they are imported
with this package, in name order."""

from __future__ import annotations

import importlib
import pkgutil

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
