"""StreamField blocks shared by every page type.

``practices`` and ``projects`` use these too, so that they never import each other.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; its level keeps the outline right for screen readers."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "Background", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image with the text alternative and credit editors must give."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=250,
        required=False,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty only if "
            "the image is purely decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)
    credit = blocks.CharBlock(
        label=_("Credit"),
        max_length=120,
        required=False,
        help_text=_("Photographer or source, e.g. '© City of Lörrach'."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with caption and credit.")


class QuoteBlock(blocks.StructBlock):
    """A quotation from a practitioner, with who said it."""

    text = blocks.TextBlock(label=_("Quotation"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("Who said it"), max_length=200, required=False
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A short quotation with its source.")
        preview_value = {
            "text": (
                "We learnt more in three days with our peers than in a year of reports."
            ),
            "attribution": "Participant, dialogue event in Amman",
        }


class FigureBlock(blocks.StructBlock):
    """One key figure, such as '3,530 municipal experts'."""

    value = blocks.CharBlock(
        label=_("Figure"), max_length=30, help_text=_("e.g. 3,530")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "pick"
        template = "blocks/figure_block.html"


class FiguresBlock(blocks.StructBlock):
    """A row of key figures."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    figures = blocks.ListBlock(FigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "table"
        template = "blocks/figures_block.html"
        description = _("Up to six key figures side by side.")


class LinkBlock(blocks.StructBlock):
    """A call to action: an internal page or an external address, never both."""

    text = blocks.CharBlock(label=_("Link text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        description = _("A prominent link to a page of this site or to another site.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address.")),
                }
            )
        return value


class SectionBlock(blocks.StructBlock):
    """A named section of a story (Background, Objectives, ...).

    The stream child's label is the section's heading unless editors give another.
    Where the label only names the kind of block ("Text"), pass
    ``label_is_heading=False``: such a section has a heading only if the editor
    wrote one.
    """

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the section's usual name."),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = "blocks/section_block.html"
        description = _("A section with its heading and text.")
        label_is_heading = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = value.get("heading") or (
            self.label if self.meta.label_is_heading else ""
        )
        return context


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full-inverse"


class ResourcesBlock(blocks.StructBlock):
    """Documents and links readers can take away: studies, plans, presentations."""

    documents = blocks.ListBlock(
        DocumentLinkBlock(), label=_("Documents"), required=False
    )
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), required=False)

    class Meta:
        icon = "download"
        template = "blocks/resources_block.html"
        description = _("Documents to download and links to read more.")


class BaseStreamBlock(blocks.StreamBlock):
    """The body of standard pages: text, headings, images, quotes, figures and links."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
        icon="pilcrow",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    figures = FiguresBlock()
    link = LinkBlock()
