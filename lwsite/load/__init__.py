"""Reading and checking the content folder: one module per job, in the order of the folder.

- ``portfolio.py``: ``load()``, and ``portfolio.yml`` (the whole pipeline starts here);
- ``framework.py``: ``frameworks/<id>.yml``;
- ``school.py``: ``schools/<id>/school.yml``; ``cycles.py``: each ``cycles/<date-slug>/`` folder;
- in a cycle folder: ``focus.py``, ``team.py``, ``schedule.py``, ``scripts.py``, ``debrief.py``,
  ``actions.py`` (and the carries between cycles), ``messages.py``;
- ``scan.py``: the privacy scan of every walked file (links, escapes, roster names);
- shared: ``context.py`` (one load's state and file helpers), ``keys.py`` (the tables of each
  file's keys) and ``fields.py`` (the ``Reader`` that runs them), ``files.py`` (the walk),
  ``text.py`` (a file's text), ``source.py`` (YAML with lines; ``yaml_errors.py`` its syntax
  errors), ``markdown.py`` (front matter and body);
- ``cycle.py``: one school's cycles as written, drafts included, for the commands.

Each file kind's reader is a class over ``context.Context``; ``portfolio.Loader`` puts them
together. Nothing is imported here: privacy.py reads YAML with ``load.source``, and
``load.portfolio`` needs privacy.py, so importing the package must not import the loader.
"""
