"""Hard wraps in text converted from PDFs and flipbooks (audit/ingest/reflow.py)."""

from __future__ import annotations

from audit.ingest.reflow import reflow

# 12 lines of a report set at one width, as a PDF converter leaves them (kewei-2024-source.md).
WRAPPED = """市科委设立政务公开工作协调小组，统筹协调信息公开工作
部门、法制部门、业务处室等共同协作推进和落实政务公开任务。
“上海科技”网站全年累计发布信息 2139 条，其中动态类
信息发布 1744 条，政务信息发布 393 条，解读类信息发布 21 条，
回应公众关注热点信息 2 条。
上海市科委 2024 年深入贯彻《政府信息公开条例》和《上
海市政府信息公开规定》，认真落实市委、市政府关于政务公开
工作的各项部署，紧密围绕国际科创中心建设等国家战略和市委、
市政府重点工作任务，扎实推进本部门政务公开工作，不断提升
政务服务水平，为科创中心建设和上海科技创新事业发展营造良
好环境。

一、总体情况
市科委政府信息依申请公开工作已形成健全的接收申请、形式审
查、会商答复意见、告知书复核、签发的一整套办理流程。"""


def test_a_hard_wrapped_text_is_joined_into_sentences():
    lines = reflow(WRAPPED).split("\n")
    assert lines[1] == "“上海科技”网站全年累计发布信息 2139 条，其中动态类信息发布 1744 条，政务信息发布 393 条，解读类信息发布 21 条，回应公众关注热点信息 2 条。"
    assert lines[0].endswith("落实政务公开任务。")  # a line ending a sentence is not joined to the next
    assert lines[3:6] == ["", "一、总体情况", "市科委政府信息依申请公开工作已形成健全的接收申请、形式审查、会商答复意见、告知书复核、签发的一整套办理流程。"]


def test_flipbook_figure_islands_and_leading_punctuation_join():
    text = "本区到年底累计主动公开政府信息\n5928\n条,全文电子化率达\n90.3%\n,其中,本年度新增主动公开政府信息\n2110\n条。"
    assert reflow(text) == "本区到年底累计主动公开政府信息5928条,全文电子化率达90.3%,其中,本年度新增主动公开政府信息2110条。"


def test_a_text_with_one_paragraph_per_line_is_left_alone():
    text = (
        "江山市行政服务中心管理办公室2012年政府信息公开工作年度报告\n"
        "发布日期:2013-01-09 浏览次数: 信息来源:市营商办\n"
        "一、 政府信息公开概况\n"
        "2013年,我中心认真贯彻落实《条例》精神,按照市政府对政府信息公开工作的要求,深入推进政府信息公开工作。\n"
        "普洱市思茅区人民政府\n"
        "2019年1月30日\n"
    )
    assert reflow(text) == text


def test_table_rows_headings_dates_and_page_numbers():
    text = "三、本年度办理结果\n| （一）予以公开 | 3 |\n| （二）部分公开 | 0 |\n— 2 —\n第二十条第（一）项\n2024年1月20日"
    assert reflow(text) == "三、本年度办理结果\n| （一）予以公开 | 3 |\n| （二）部分公开 | 0 |\n第二十条第（一）项\n2024年1月20日"
    assert reflow("原创文章 294\n篇，关注人数") == "原创文章 294篇，关注人数"
    assert reflow("Hubei Association for\nScience") == "Hubei Association for\nScience"  # no width evidence
