"""Reading and checking the content folder: one module per job, in the order of the folder.

- ``portfolio.py``: ``load()``, and ``portfolio.yml`` (the whole pipeline starts here);
- ``framework.py``: ``frameworks/<id>.yml``;
- ``school.py``: ``schools/<id>/school.yml``; ``cycles.py``: each ``cycles/<date-slug>/`` folder;
- in a cycle folder: ``focus.py``, ``team.py``, ``schedule.py``, ``scripts.py``, ``debrief.py``,
  ``actions.py`` (and the carries between cycles), ``messages.py``;
- ``scan.py``: the privacy scan of every walked file (links, escapes, roster names);
- shared: ``context.py`` (one load's state and file helpers), ``fields.py`` (typed reads of
  values), ``source.py`` (text and YAML), ``files.py`` (the walk);
- ``cycle.py``: one school's cycles as written, drafts included, for the commands.

Each file kind's reader is a class over ``context.Context``; ``portfolio.Loader`` puts them
together. Nothing is imported here, so that importing ``lwsite.load.source`` stays cheap.
"""
