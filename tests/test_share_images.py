"""Share images: text laid out by measuring it, so that no two lines ever overlap."""
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from sitegen.share_images import HEIGHT, MARGIN, WIDTH, ShareImage, layout

PEN = ImageDraw.Draw(Image.new("RGB", (WIDTH, HEIGHT)))
WORDS = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ ӘәҒғҚқҢңӨөҰұҮүҺһІіабвгдеёжзийклмнопрстуфхцчшщъыьэюя—-',.0123456789"),
                min_size=1, max_size=400)


def assert_no_overlap(image: ShareImage):
    lines, bar = layout(image, PEN)
    boxes = [line.box(PEN) for line in lines]
    for (left, top, right, bottom) in boxes:
        assert 0 <= left and right <= WIDTH - MARGIN // 2 and 0 <= top and bottom <= HEIGHT - MARGIN // 2, (image, boxes)
    ordered = sorted(boxes, key=lambda b: b[1])
    for upper, lower in zip(ordered, ordered[1:], strict=False):
        assert upper[3] <= lower[1], f"lines overlap: {upper} and {lower} in {image}"
    footer = boxes[-1]
    assert all(b[3] < footer[1] for b in boxes[:-1]), "the footer keeps its own band"
    accent = (bar, bar + 8)
    assert all(b[3] <= accent[0] or b[1] >= accent[1] for b in boxes), "no line crosses the accent bar"


def test_the_real_images_have_no_overlapping_lines():
    import mkdocs.config

    from conftest import ROOT
    from sitegen import mkdocs_hook  # the specs the build draws, for every person, the letter and the home page
    config = mkdocs.config.load_config(str(ROOT / "mkdocs.yml"))
    mkdocs_hook.on_config(config)
    specs = [spec for lang in ("en", "ru", "kk") for spec in mkdocs_hook.share_image_specs(config, lang)]
    assert len(specs) >= 31 * 2
    for spec in specs:
        assert_no_overlap(spec)
        # Issue #24: the status line is never dropped, and a cut is made between words.
        lines, _ = layout(spec, PEN)
        text = " ".join(line.text for line in lines[:-1])
        head, _, status = spec.subtitle.rpartition(" · ")
        if head:
            assert text.endswith(status), (spec.name, text)
        for line in lines:
            if line.text.endswith("…"):  # what follows the cut in the text is not a letter: a word boundary
                cut = line.text[:-1]
                where = f"{spec.title} {spec.subtitle} ".find(cut)
                assert where >= 0 and not f"{spec.title} {spec.subtitle} "[where + len(cut)].isalnum(), (spec.name, line.text)
    footers = {spec.footer for spec in specs if spec.name.startswith(("ru/", "kk/"))}
    assert footers and "Kazakhstan's political prisoners, 2017" not in footers  # in the image's language


def test_the_home_page_preview_of_the_old_site_no_longer_overlaps():
    assert_no_overlap(ShareImage("home", "Don't turn a blind eye to Kazakhstan's political prisoners",
                                 "17 political prisoners, 8 suspended sentences: the open letter of October 2017",
                                 "Kazakhstan's political prisoners, 2017"))


@settings(max_examples=60, deadline=None)
@given(title=WORDS, subtitle=WORDS, footer=WORDS)
@example(title="0000000000000000юҚ 0", subtitle="0", footer="0")  # a first line of one word wider than the image
def test_any_text_is_laid_out_without_overlap(title, subtitle, footer):
    if not title.strip() or not subtitle.strip() or not footer.strip():
        return
    assert_no_overlap(ShareImage("x", title, subtitle, footer))
