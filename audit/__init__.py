"""report-audit: audit 政府信息公开工作年度报告 for data quality.

The pipeline (see DESIGN.md): ``audit.ingest`` → ``audit.extract`` →
``audit.checks`` → ``audit.render``; ``audit.pipeline.audit_paths`` runs it.
"""

__version__ = "0.1.0"
