"""Hypothesis strategies for structured notices: headings up to 999 in every marker style,
dates (whole, broken, ranges), 一是 runs, brackets, statuses and counts. Shared by the fuzz
test and `bench/fuzz.py`."""

from hypothesis import strategies as st

from rectlint.text import int_to_cn

CN_STYLES = ["{cn}、", "（{cn}）", "({cn})", "{cn}.", "（{cn}", "{cn}）", "问题{cn}：", "第{cn}，"]
N_STYLES = ["{n}.", "{n}、", "（{n}）", "({n})", "{n})", "{n}.（{n}）", "问题{n}：", "{n}"]
WORDS = ["整改情况", "台账管理不规范", "已完成整改", "阶段性完成", "正在整改", "巡察组", "反馈意见", "欢迎监督",
         "截止目前", "《条例", "条例》", "“两个维护”", "4个意识", "XX", "某某", "联系电话：0791-6123456",
         "13912345678", "110101199003074477", "jd@example.cn", "，，", "。。", "(", ")", "【已完成】",
         "预计年底前完成", "其中", "占比", "完成率", "%", "个问题", "项", "巡视", "巡察"]


@st.composite
def dates(draw):
    year = draw(st.integers(1990, 2099))
    month = draw(st.integers(0, 13))
    day = draw(st.integers(0, 32))
    shape = draw(st.sampled_from(["{y}年{m}月{d}日", "{y}{m}{d}日", "{y}年{m}{d}", "{y}{m}{d}", "{y}年{m}月",
                                  "{m}月{d}日至{m}月{d}日", "{y}.{m}.{d}", "{m}月{d}日{m}月{d}日", "--{y}{m}{d}日",
                                  "〔{y}{m}号", "二〇二五年十一月二十日"]))
    return shape.format(y=year, m=month, d=day)


@st.composite
def heading(draw):
    n = draw(st.integers(0, 999))
    if draw(st.booleans()):
        marker = draw(st.sampled_from(CN_STYLES)).format(cn=int_to_cn(n))
    else:
        marker = draw(st.sampled_from(N_STYLES)).format(n=n)
    return marker + draw(st.sampled_from(WORDS))


@st.composite
def sentence(draw):
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), dates(),
                                    st.integers(0, 999).map(lambda n: f"{int_to_cn(n)}是"),
                                    st.integers(0, 5000).map(str)), max_size=8))
    return "".join(parts) + draw(st.sampled_from(["。", "；", "", "，", "\u3000"]))


@st.composite
def notices(draw):
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["关于巡察整改进展情况的通报", "关于审计查出问题整改情况的报告", "某区召开推进会", ""])))
    for _ in range(draw(st.integers(0, 25))):
        lines.append(draw(st.one_of(heading(), sentence(), dates())))
    if draw(st.booleans()):
        lines += ["中共某局党组", draw(dates())]
    joiner = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return joiner.join(lines)
