"""Supported projects: the project pages with their cities and milestones
(``project``) and the index page that lists them (``index``)."""

from .index import ProjectIndexPage
from .project import (
    CityRole,
    MilestoneKind,
    ProjectCity,
    ProjectMilestone,
    ProjectStreamBlock,
    Stage,
    SupportedProjectPage,
    SupportedProjectTag,
)

__all__ = [
    "CityRole",
    "MilestoneKind",
    "ProjectCity",
    "ProjectIndexPage",
    "ProjectMilestone",
    "ProjectStreamBlock",
    "Stage",
    "SupportedProjectPage",
    "SupportedProjectTag",
]
