"""The checks stage: facts of a batch → claim tables → GX suites → findings.

``claims`` builds the tables, ``gx`` (the only GX importer) runs the suites in
``expectations/``, ``findings`` turns rejected claims into ``Finding``s and
``registry`` documents every rule.
"""
