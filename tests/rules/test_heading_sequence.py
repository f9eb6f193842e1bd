"""heading-sequence: what it flags, what it leaves alone, its options and its fixes."""

from drafts import found


def test_skipped_level_one_heading_is_reported_once_then_resynchronised():
    text = "一、甲\n二、乙\n四、丁\n五、戊\n六、己\n"
    result = found(text, "heading-sequence")
    assert len(result) == 1 and result[0][0] == 5 and "三、" in result[0][1]


def test_repeated_and_out_of_order_headings():
    assert "repeated" in found("一、甲\n（一）子\n（一）子\n", "heading-sequence")[0][1]
    assert "out of order" in found("一、甲\n（一）子\n（二）丑\n（三）寅\n（二）卯\n", "heading-sequence")[0][1]


def test_first_heading_above_one():
    (hit,) = found("一、甲\n（二）子\n（三）丑\n", "heading-sequence")
    assert "（一）" in hit[1]


def test_numbering_that_runs_on_across_sections_is_learned():
    text = ("一、甲\n（一）组\n1.问题\n2.问题\n3.问题\n（二）组\n4.问题\n5.问题\n"
            "（三）组\n6.问题\n（四）组\n7.问题\n")
    assert found(text, "heading-sequence") == []


def test_run_on_convention_still_catches_a_gap():
    text = ("一、甲\n（一）组\n1.问题\n2.问题\n（二）组\n3.问题\n5.问题\n（三）组\n6.问题\n")
    (hit,) = found(text, "heading-sequence")
    assert "4." in hit[1]


def test_numbering_that_restarts_under_each_section_is_learned():
    text = "一、甲\n1.问题\n2.问题\n二、乙\n1.问题\n2.问题\n三、丙\n1.问题\n"
    assert found(text, "heading-sequence") == []


def test_skipped_level_and_fused_heading_are_fine():
    assert found("一、甲\n1.问题\n2.问题\n二、乙\n1.（1）问题\n2.（1）问题\n", "heading-sequence") == []
