"""Restore: raw articles -> readable articles (cleaning, the casing model, truecasing, sentences)."""
from .casing import CasingModel, casing_counts, learn_casing
from .clean import CLEANERS, CleaningStep, clean, looks_lowercased, looks_tokenized
from .stage import restore_articles
from .truecase import restore, truecase, truecase_sentence

__all__ = ["CLEANERS", "CasingModel", "CleaningStep", "casing_counts", "clean", "learn_casing", "looks_lowercased",
           "looks_tokenized", "restore", "restore_articles", "truecase", "truecase_sentence"]
