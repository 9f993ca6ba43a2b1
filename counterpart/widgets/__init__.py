"""The course's interactive widgets, one module each, all built on base.CourseWidget.

Each widget is a class with its parts declared by name (``box.picker``, ``box.display``, ...),
so a test can set a value, fire the callbacks and read what a student would see, without a
browser; each also has a static form (``static_text()``, ``static_html()``) that stored
outputs and web pages show where the live widget cannot run. The lower-case functions are
what the notebooks call.
"""
from .base import CourseWidget
from .choice import ChoiceQuestion, choice_question
from .converter import NumberConverter, convert_html, number_converter
from .evidence import EvidenceSorter, evidence_sorter
from .explorer import FiguresExplorer, figures_explorer
from .flashcards import Flashcards, flashcards
from .partners_map import PartnersMap, partners_map
from .reader import BilingualReader, bilingual_reader
from .terms import TermPicker, term_picker

__all__ = [
    "BilingualReader", "ChoiceQuestion", "CourseWidget", "EvidenceSorter", "Flashcards",
    "FiguresExplorer", "NumberConverter", "PartnersMap", "TermPicker", "bilingual_reader",
    "choice_question", "convert_html", "evidence_sorter", "figures_explorer", "flashcards",
    "number_converter", "partners_map", "term_picker",
]
