#!/usr/bin/env python3
"""Writes the corpus's CSV ledgers: the same genre saved as "CSV (逗号分隔)" by Chinese
Excel (GB18030, no BOM) and as "CSV UTF-8" (with a BOM), quotes and line breaks inside
cells included. Expected values are written by hand. Run from the repository's root:
python3 packages/report-xlsx/test/ledgers/make-csv-corpus.py"""
import json
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

ROWS = [
    ["某街道党工委巡察整改台账", "", "", "", "", "", "", ""],
    ["填报时间：2024年1月10日", "", "", "", "", "", "", ""],
    ["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "完成情况"],
    ["1", "社区“两委”议事规则执行不严", "一是修订议事规则；二是开展专题培训", "马骏", "党建办", "罗琴", "2023/12/31", "已完成"],
    ["2", "网格员队伍管理松散", "1.建立网格员考核办法\n2.每月通报履职情况", "马骏", "综治中心", "丁浩", "2024年3月底前", "正在整改"],
    ["3", "惠民资金公示不及时", "按月公开惠民资金发放情况", "吴桐", "社会事务办", "潘悦", "立行立改", "已完成"],
]
EXPECTED = [
    {"title": "社区“两委”议事规则执行不严", "status": "completed", "deadline": "2023-12-31", "leadUnit": "党建办", "measures": [{}, {}]},
    {"title": "网格员队伍管理松散", "status": "in_progress", "deadline": "2024-03-31", "leadUnit": "综治中心", "measures": [{}, {}]},
    {"title": "惠民资金公示不及时", "status": "completed", "leadUnit": "社会事务办", "measures": [{"kind": "immediate"}]},
]


def csv_text(rows):
    def field(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    return "\r\n".join(",".join(field(v) for v in row) for row in rows) + "\r\n"


def write(name, data, describes, must_warn):
    with open(os.path.join(HERE, name + ".csv"), "wb") as f:
        f.write(data)
    expected = {
        "describes": describes,
        "file": name + ".csv",
        "counts": {"findings": 3, "measures": 5, "categories": 0},
        "findings": EXPECTED,
        "mustWarn": must_warn,
        "refused": False,
    }
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")


text = csv_text(ROWS)
write("24_csv_gb18030_from_chinese_excel", text.encode("gb18030"),
      "A ledger saved by Chinese Excel as CSV (逗号分隔): GB18030 bytes, no BOM, CRLF; a title and 填报时间 row above the header; a quoted cell with a line break (1. / 2. measures) and quotes doubled inside.",
      [{"cell": "24_csv_gb18030_from_chinese_excel", "code": "csv.gb18030"}])
write("25_csv_utf8_bom", b"\xef\xbb\xbf" + text.encode("utf-8"),
      "The same ledger saved as CSV UTF-8 (with a BOM).", [])
print("wrote 2 CSV ledgers to", HERE)
