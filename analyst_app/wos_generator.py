"""Seeded generator of Web of Science plain-text exports ("Full Record and Cited References").

Byte for byte in the layout of real 2025 exports (BOM, ``FN``/``VR`` header, tags in WoS
order, continuation lines indented by three spaces and wrapped at 72 characters as WoS wraps,
``ER`` + blank line, ``EF`` without a final newline), written as a stream so corpora of any
size can be made for benchmarks. Content serves later analyses: research groups with stable
members and addresses (Chinese and international), keywords of topics (carbon capture, CO2
adsorption, MOFs, machine learning...) with a long Zipf-like tail and emerging terms (see
:mod:`analyst_app.wos_vocabulary`), and cited references drawn
from a pool with power-law popularity, so that co-citation is meaningful.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import tempfile
from collections import deque
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from analyst_app.wos_vocabulary import TOPICS as _TOPICS
from analyst_app.wos_vocabulary import KeywordDrawer
from analyst_app.wos_vocabulary import split_rows as _rows
from analyst_app.wos_vocabulary import split_table as _table
from analyst_app.wos_vocabulary import wrap_wos as _wrap
from analyst_app.wos_vocabulary import zipf_cum as _zipf

#: Publication years of generated records (inclusive); more papers in later years.
YEARS = (2012, 2024)
#: The ``DA`` line (export date) of every record, as in one real export session.
EXPORT_DATE = "2025-06-07"

_HEADER = "\ufeffFN Clarivate Analytics Web of Science\nVR 1.0\n"
_EXPORT = EXPORT_DATE.encode()
_CHUNK = 2000  # records drawn per numpy batch: amortises numpy calls, small in memory


_BOOKS = ("CARBON CAPTURE STORAGE", "ADSORPTION ANAL EQUI", "MACHINE LEARNING",
          "GAS SEPARATION MEMB")
# Title pieces: their spaces and empty entries matter, so they are tuples.
_LEADS = ("Enhanced ", "Highly efficient ", "Rational design of ", "Insights into ", "Tuning ",
          "Boosting ", "Scalable synthesis of ", "Unravelling the role of defects in ",
          "Engineering ", "Low-cost ", "Understanding ", "Robust ", "")
_WITHS = (" with enhanced stability", " with tunable porosity", " with high selectivity",
          " at low temperature", " under realistic conditions", " in a fixed bed",
          " with minimal energy use", "", "", "")
_TAILS = (": experiments and DFT calculations", ": a techno-economic assessment",
          ": a machine-learning-assisted approach", ": from lab to pilot scale", "", "", "", "")
_SENTENCES = _rows("""\
Climate change calls for efficient {use}, yet current {obj} remain limited.| {obj} are
promising for {use} but suffer from high cost and poor stability.| Here we report {obj}
designed for {use}.|In this work, {obj} were prepared and tested for {use}.# The materials were
characterised by XRD, N2 physisorption, FTIR and XPS.| Density functional theory calculations
were combined with breakthrough experiments.| A dataset of {num} samples was compiled and used
to train the models.| Process simulations were carried out to evaluate the energy demand.# The
optimised sample showed a capacity {num}% higher than the benchmark.| Performance remained
above 9{num2}% of its initial value after {num} cycles.| The best model reached a coefficient
of determination of 0.9{num2} on the test set.| The energy penalty was reduced by {num2}%
compared with the reference case.# These results offer guidance for the design of {obj} for
{use}.| This work opens a route towards practical {use}.| The approach can be extended to other
{obj}.""")

_NAMES = {origin: [_table(part, ",") for part in text.split("|")] for origin, text in {
    "CN": """Wang,Li,Zhang,Liu,Chen,Yang,Zhao,Huang,Zhou,Wu,Xu,Sun,Hu,Zhu,Gao,Lin,He,Guo,Ma,Luo,
Liang,Song,Zheng,Xie,Han,Tang,Feng,Yu,Dong,Xiao,Cheng,Cao,Yuan,Deng,Fu,Shen,Zeng,Peng,Lu,Su,Jiang,
Cai,Jia,Ding,Wei,Xue,Ye,Yan,Pan,Du,Dai,Xia,Zhong,Tian,Ren,Fan,Fang,Shi,Yao,Tan,Liao,Zou,Xiong,Jin,
Hao,Kong,Bai,Cui,Kang,Mao,Qiu,Qin,Gu,Hou,Shao,Meng,Long,Wan,Duan,Lei,Qian,Yin|Wei,Na,Jing,Min,Jie,
Lei,Jun,Yan,Hui,Fang,Hong,Ping,Qiang,Xiao,Tao,Chao,Bo,Hao,Yu,Xin,Lin,Ying,Hua,Li,Gang,Feng,Peng,
Kai,Yang,Ming,Qing,Rui,Yun,Dan,Jian,Zhi,Ning,Long,Lu,Xue,Jia,Zi,Wen,Chen,Bin,Shan,Yi,Tian,Han,Bing,
Xiang,Yue,Zhen,Cheng,Kun,Liang,Yong,Dong,Fei,Guang,Hai,Mei,Shu,Ting,Xia,Jin,Kang""",
    "US": """Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Thomas,Moore,
Martin,Jackson,White,Harris,Clark,Lewis,Walker,Hall,Allen,Young,King,Wright,Scott,Green,Baker,Adams|
John,Michael,David,James,Robert,Daniel,Thomas,Matthew,Andrew,Christopher,Sarah,Emily,Laura,
Jennifer,Jessica,Anna,Maria,Rachel,Katherine,Elizabeth,Mark,Paul,Peter,Richard,Steven""",
    "EU": """Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,de Vries,Jansen,Hansen,
Johansen,Rossi,Bianchi,Dubois,García,Fernández,López,Martínez,Sánchez,Novak,Berger|
Jörg,Stefan,
Andreas,Markus,Jan,Pieter,Lars,Anders,Marco,Luca,Giovanni,Pierre,Jean-François,José,Carlos,Javier,
Ana,Elena,Sophie,Katrin""",
    "KR": """Kim,Lee,Park,Choi,Jung,Kang,Cho,Yoon,Jang,Lim|Jin-Ho,Min-Su,Seung-Woo,Ji-Hoon,
Hyun-Jung,
Eun-Ji,Sung-Min,Jae-Won,Young-Soo,Dong-Hyun""",
    "JP": """Tanaka,Suzuki,Takahashi,Watanabe,Ito,Yamamoto,Nakamura,Kobayashi,Kato,Yoshida|Hiroshi,
Takashi,Kenji,Yuki,Satoshi,Akira,Naoki,Masato,Keiko,Yoshiaki""",
    "IN": "Kumar,Singh,Sharma,Gupta,Patel,Reddy,Rao,Verma,Das,Mishra|Rajesh,Amit,Sanjay,Priya,Anil,"
          "Suresh,Vikram,Deepak,Neha,Arun",
    "IR": "Ahmadi,Hosseini,Rezaei,Mohammadi,Karimi,Moradi,Rahimi,Jafari|Mohammad,Ali,Reza,Hossein,"
          "Mehdi,Amir,Fatemeh,Zahra",
}.items()}
# Chinese institutions: WoS abbreviation | C3 organisation | city | postcode | weight | mail domain.
# Dalian Univ Technol weighs more: it is the demo institution of the ESI pages too.
_CN_INST = _rows("""\
Dalian Univ Technol|Dalian University of Technology|Dalian|116024|6|dlut.edu.cn# Tsinghua
Univ|Tsinghua University|Beijing|100084|3|tsinghua.edu.cn# Zhejiang Univ|Zhejiang
University|Hangzhou|310027|3|zju.edu.cn#Tianjin Univ|Tianjin University|
Tianjin|300072|3|tju.edu.cn#Shanghai Jiao Tong Univ|Shanghai Jiao Tong
University|Shanghai|200240|2| sjtu.edu.cn#Chinese Acad Sci, Dalian Inst Chem Phys|Chinese
Academy of Sciences; Dalian Institute of Chemical Physics,
CAS|Dalian|116023|2|dicp.ac.cn#Nanjing Tech Univ|Nanjing Tech University|Nanjing|
211816|2|njtech.edu.cn#East China Univ Sci & Technol|East China University of Science &
Technology| Shanghai|200237|2|ecust.edu.cn#Beijing Univ Chem Technol|Beijing University of
Chemical Technology| Beijing|100029|2|buct.edu.cn#Xi An Jiao Tong Univ|Xi'an Jiaotong
University|Xian|710049|2|xjtu.edu.cn# Huazhong Univ Sci & Technol|Huazhong University of
Science & Technology|Wuhan|430074|2|hust.edu.cn# South China Univ Technol|South China
University of Technology|Guangzhou|510640|2|scut.edu.cn# Sichuan Univ|Sichuan
University|Chengdu|610065|1|scu.edu.cn#Jilin Univ|Jilin University|Changchun|
130012|1|jlu.edu.cn#Nankai Univ|Nankai University|Tianjin|300071|1|nankai.edu.cn#Fuzhou
Univ|Fuzhou University|Fuzhou|350108|1|fzu.edu.cn#China Univ Petr|China University of
Petroleum|Qingdao|266580|1| upc.edu.cn#North China Elect Power Univ|North China Electric Power
University|Beijing|102206|1| ncepu.edu.cn#Harbin Inst Technol|Harbin Institute of
Technology|Harbin|150001|1|hit.edu.cn#Taiyuan Univ Technol|Taiyuan University of
Technology|Taiyuan|030024|1|tyut.edu.cn#Zhengzhou Univ|Zhengzhou
University|Zhengzhou|450001|1|zzu.edu.cn#Chongqing Univ|Chongqing
University|Chongqing|400044|1| cqu.edu.cn#Southeast Univ|Southeast University -
China|Nanjing|210096|1|seu.edu.cn#Xiamen Univ| Xiamen University|Xiamen|361005|1|xmu.edu.cn""")
# International: abbreviation | C3 organisation | place and country as in C1 | names | domain.
_INTL_INST = _rows("""\
Univ Calif Berkeley|University of California System; University of California
Berkeley|Berkeley, CA 94720 USA|US|berkeley.edu#MIT|Massachusetts Institute of Technology
(MIT)|Cambridge, MA 02139 USA| US|mit.edu#Georgia Inst Technol|University System of Georgia;
Georgia Institute of Technology| Atlanta, GA 30332 USA|US|gatech.edu#Northwestern
Univ|Northwestern University|Evanston, IL 60208 USA| US|northwestern.edu#Univ Texas
Austin|University of Texas System; University of Texas Austin|Austin, TX 78712
USA|US|utexas.edu#Imperial Coll London|Imperial College London|London SW7 2AZ, England|US|
imperial.ac.uk#Univ Manchester|University of Manchester|Manchester M13 9PL, England|US|
manchester.ac.uk#Univ Edinburgh|University of Edinburgh|Edinburgh EH9 3FJ,
Scotland|US|ed.ac.uk# Karlsruhe Inst Technol|Helmholtz Association; Karlsruhe Institute of
Technology|D-76131 Karlsruhe, Germany|EU|kit.edu#Tech Univ Munich|Technical University of
Munich|D-85748 Garching, Germany|EU| tum.de#Ecole Polytech Fed Lausanne|Ecole Polytechnique
Federale de Lausanne|CH-1015 Lausanne, Switzerland|EU|epfl.ch#Delft Univ Technol|Delft
University of Technology|NL-2628 CD Delft, Netherlands|EU|tudelft.nl#Norwegian Univ Sci &
Technol|Norwegian University of Science & Technology (NTNU)|N-7491 Trondheim,
Norway|EU|ntnu.no#Univ Valencia|University of Valencia|E-46980 Paterna, Spain|EU|uv.es#Korea
Adv Inst Sci & Technol|Korea Advanced Institute of Science & Technology (KAIST)| Daejeon 34141,
South Korea|KR|kaist.ac.kr#Seoul Natl Univ|Seoul National University (SNU)|Seoul 08826, South
Korea|KR|snu.ac.kr#Kyoto Univ|Kyoto University|Kyoto 6158510, Japan|JP|kyoto-u.ac.jp# Natl Univ
Singapore|National University of Singapore|Singapore 117585, Singapore|CN|nus.edu.sg# Univ
Melbourne|University of Melbourne|Parkville, Vic 3010, Australia|US|unimelb.edu.au#Univ
Toronto| University of Toronto|Toronto, ON M5S 3E5, Canada|US|utoronto.ca#Indian Inst Technol
Bombay|Indian Institute of Technology System (IIT System); Indian Institute of Technology (IIT)
- Bombay|Mumbai 400076, Maharashtra, India|IN|iitb.ac.in#Univ Tehran|University of
Tehran|Tehran, Iran|IR|ut.ac.ir# Hong Kong Univ Sci & Technol|Hong Kong University of Science &
Technology|Hong Kong, Peoples R China| CN|ust.hk""")
_DEPTS = {"CN": _table("""\
Sch Chem Engn;State Key Lab Fine Chem;Coll Chem & Chem Engn;Sch Energy & Power Engn;Dept
Chem;Sch Mat Sci & Engn;Sch Environm Sci & Technol;Key Lab Ind Ecol & Environm Engn, Minist
Educ;Sch Comp Sci & Technol;Inst Adv Mat;Sch Chem Engn & Technol"""),
          "XX": _table("""\
Dept Chem;Dept Chem & Biomol Engn;Dept Mat Sci & Engn;Sch Chem;Dept Chem Engn;Dept Mech
Engn;Inst Chem Sci & Engn;Dept Comp Sci""")}
# Funders: name | grant prefixes | digits. Chinese groups mostly cite Chinese funders.
_FUNDERS = {key: _rows(text) for key, text in {
    "CN": """National Natural Science Foundation of China|2,5,U19|7#National Key Research and
Development Program of China|2019YFA,2021YFB,2022YFC,2023YFE|7#Fundamental Research
Funds for the Central Universities|DUT22LAB,DUT21JC,2022ZYGXZR|3#China Postdoctoral
Science Foundation|2021M,2022T| 6#Natural Science Foundation of Liaoning
Province|2022-MS-|3#Natural Science Foundation of Jiangsu Province|BK2020|4#Liaoning
Revitalization Talents Program|XLYC|7""",
    "XX": """National Science Foundation (NSF)|CBET-,CHE-,DMR-|7#United States Department of Energy
(DOE)|DE-SC00|5#European Research Council (ERC)|ERC-2020-STG-|6#UK Research & Innovation
(UKRI) Engineering & Physical Sciences Research Council (EPSRC)|EP/V0,EP/W0|5#German
Research Foundation (DFG)||9#Japan Society for the Promotion of
Science|JP21H0,JP22K0|4#National Research Foundation of Korea|NRF-2021R1A2C|7"""}.items()}
_PUBLISHERS = {row[0]: row[1:] for row in _rows("""\
E1|ELSEVIER SCIENCE SA|LAUSANNE|PO BOX 564, 1001 LAUSANNE,
SWITZERLAND#E2|ELSEVIER|AMSTERDAM|RADARWEG 29, 1043 NX AMSTERDAM,
NETHERLANDS#E3|PERGAMON-ELSEVIER SCIENCE LTD|OXFORD|THE BOULEVARD, LANGFORD LANE, KIDLINGTON,
OXFORD OX5 1GB, ENGLAND#E4|ELSEVIER SCI LTD|LONDON|125 London Wall, London, ENGLAND# AC|AMER
CHEMICAL SOC|WASHINGTON|1155 16TH ST, NW, WASHINGTON, DC 20036 USA#RS|ROYAL SOC CHEMISTRY|
CAMBRIDGE|THOMAS GRAHAM HOUSE, SCIENCE PARK, MILTON RD, CAMBRIDGE CB4 0WF, CAMBS,
ENGLAND#WI|WILEY-V C H VERLAG GMBH|WEINHEIM|POSTFACH 101161, 69451 WEINHEIM, GERMANY#NP|NATURE
PORTFOLIO|BERLIN|HEIDELBERGER PLATZ 3, BERLIN, 14197, GERMANY#MD|MDPI|BASEL|ST ALBAN-ANLAGE 66,
CH-4052 BASEL, SWITZERLAND""")}
# Journals: SO | J9 | JI | publisher | SN | EI | WC | DOI pattern | volume in 2012 | volumes a
# year | flags (A article numbers, G gold open access, P PubMed) | topic letters.
_JOURNALS = _rows("""\
CHEMICAL ENGINEERING JOURNAL|CHEM ENG J|Chem. Eng. J.|E1|1385-8947|1873-3212|Engineering,
Environmental; Engineering, Chemical|10.1016/j.cej.{y}.{n:06d}|180|10|A|camrhs# SEPARATION AND
PURIFICATION TECHNOLOGY|SEP PURIF TECHNOL|Sep. Purif. Technol.|E2|1383-5866|
1873-3794|Engineering, Chemical|10.1016/j.seppur.{y}.{n:06d}|85|12|A|cams# JOURNAL OF MATERIALS
CHEMISTRY A|J MATER CHEM A|J. Mater. Chem. A|RS|2050-7488|2050-7496|Chemistry, Physical; Energy
& Fuels; Materials Science, Multidisciplinary|10.1039/d{y1}ta{n:06d}|1|1||amrh# JOURNAL OF THE
AMERICAN CHEMICAL SOCIETY|J AM CHEM SOC|J. Am. Chem. Soc.|AC|0002-7863|1520-5126| Chemistry,
Multidisciplinary|10.1021/jacs.{y1}c{n:06d}|134|1|P|mr# ACS APPLIED MATERIALS & INTERFACES|ACS
APPL MATER INTER|ACS Appl. Mater. Interfaces|AC|1944-8244| 1944-8252|Nanoscience &
Nanotechnology; Materials Science, Multidisciplinary| 10.1021/acsami.{y1}c{n:06d}|4|1|P|amh#
ENERGY & ENVIRONMENTAL SCIENCE|ENERG ENVIRON SCI|Energy Environ. Sci.|RS|1754-5692|1754-5706|
Chemistry, Multidisciplinary; Energy & Fuels; Engineering, Chemical; Environmental Sciences|
10.1039/d{y1}ee{n:06d}|5|1||crh# APPLIED ENERGY|APPL ENERG|Appl.
Energy|E4|0306-2619|1872-9118|Energy & Fuels; Engineering, Chemical|
10.1016/j.apenergy.{y}.{n:06d}|90|12|A|cl#
ENERGY|ENERGY|Energy|E3|0360-5442|1873-6785|Thermodynamics; Energy & Fuels|
10.1016/j.energy.{y}.{n:06d}|37|12|A|cl# NATURE COMMUNICATIONS|NAT COMMUN|Nat.
Commun.|NP||2041-1723|Multidisciplinary Sciences|
10.1038/s41467-0{yy:02d}-{n:06d}-x|3|1|AGP|mrl# ADVANCED MATERIALS|ADV MATER|Adv.
Mater.|WI|0935-9648|1521-4095|Chemistry, Multidisciplinary; Nanoscience & Nanotechnology;
Materials Science, Multidisciplinary|10.1002/adma.{y}{n:06d}|24|1|AP|mr# INDUSTRIAL &
ENGINEERING CHEMISTRY RESEARCH|IND ENG CHEM RES|Ind. Eng. Chem. Res.|AC|0888-5885|
1520-5045|Engineering, Chemical|10.1021/acs.iecr.{y1}c{n:06d}|51|1||cas# JOURNAL OF MEMBRANE
SCIENCE|J MEMBRANE SCI|J. Membr. Sci.|E2|0376-7388|1873-3123|Engineering, Chemical; Polymer
Science|10.1016/j.memsci.{y}.{n:06d}|390|12|A|sm# INTERNATIONAL JOURNAL OF HYDROGEN ENERGY|INT
J HYDROGEN ENERG|Int. J. Hydrog. Energy|E3|0360-3199| 1879-3487|Chemistry, Physical;
Electrochemistry; Energy & Fuels|10.1016/j.ijhydene.{y}.{n:06d}|37|3||h# APPLIED CATALYSIS
B-ENVIRONMENTAL|APPL CATAL B-ENVIRON|Appl. Catal. B-Environ.|E2|0926-3373| 1873-3883|Chemistry,
Physical; Engineering, Environmental; Engineering, Chemical|
10.1016/j.apcatb.{y}.{n:06d}|111|12|A|rh# ACS CATALYSIS|ACS CATAL|ACS
Catal.|AC|2155-5435||Chemistry, Physical|10.1021/acscatal.{y1}c{n:06d}| 2|1||r#
FUEL|FUEL|Fuel|E4|0016-2361|1873-7153|Energy & Fuels; Engineering, Chemical|
10.1016/j.fuel.{y}.{n:06d}|91|12|A|cah# JOURNAL OF CLEANER PRODUCTION|J CLEAN PROD|J. Clean
Prod.|E4|0959-6526|1879-1786|Green & Sustainable Science & Technology; Engineering,
Environmental; Environmental Sciences| 10.1016/j.jclepro.{y}.{n:06d}|20|12|A|cl# NPJ
COMPUTATIONAL MATERIALS|NPJ COMPUT MATER|npj Comput. Mater.|NP||2057-3960|Chemistry, Physical;
Materials Science, Multidisciplinary|10.1038/s41524-0{yy:02d}-{n:06d}-y|1|1|AG|l# JOURNAL OF
CHEMICAL INFORMATION AND MODELING|J CHEM INF MODEL|J. Chem Inf. Model.|AC|1549-9596|
1549-960X|Chemistry, Multidisciplinary; Computer Science, Interdisciplinary Applications|
10.1021/acs.jcim.{y1}c{n:06d}|52|1|P|lm#
PROCESSES|PROCESSES|Processes|MD||2227-9717|Engineering, Chemical|10.3390/pr{n:07d}|1|1|AG|cl""")
_SC = dict(pair.split("=") for pair in _table("""\
Engineering, Environmental=Engineering;Engineering, Chemical=Engineering;Chemistry,
Physical=Chemistry;Chemistry, Multidisciplinary=Chemistry;Materials Science,
Multidisciplinary=Materials Science;Nanoscience & Nanotechnology=Science & Technology - Other
Topics;Multidisciplinary Sciences=Science & Technology - Other Topics;Environmental
Sciences=Environmental Sciences & Ecology;Green & Sustainable Science & Technology=Science &
Technology - Other Topics;Computer Science, Interdisciplinary Applications=Computer Science"""))
# Journals only cited, never citing: J9 | DOI pattern | volume in 2012 | volumes a year.
_CITED_ONLY = _rows("""\
SCIENCE|10.1126/science.a{n:06d}|335|2#NATURE|10.1038/nature{n:06d}|481|2# CHEM
REV|10.1021/acs.chemrev.{y1}b{n:06d}|112|1#CHEM SOC REV|10.1039/c{y1}cs{n:06d}|41|1# J PHYS
CHEM C|10.1021/acs.jpcc.{y1}b{n:06d}|116|1#LANGMUIR|10.1021/acs.langmuir.{y1}b{n:06d}|28|1#
CARBON|10.1016/j.carbon.{y}.{n:06d}|50|12#MICROPOR MESOPOR
MAT|10.1016/j.micromeso.{y}.{n:06d}|147|12# AICHE J|10.1002/aic.{n:06d}|58|1#INT J GREENH GAS
CON|10.1016/j.ijggc.{y}.{n:06d}|6|6# NAT
ENERGY|10.1038/s41560-0{yy:02d}-{n:06d}-z|1|1#JOULE|10.1016/j.joule.{y}.{n:06d}|1|1# ACS ENERGY
LETT|10.1021/acsenergylett.{y1}c{n:06d}|1|1""")
# Real hubs of these fields' co-citation maps (topic letter; "g" = general methods).
_CLASSICS = _rows("""\
Kresse G, 1996, PHYS REV B, V54, P11169, DOI 10.1103/PhysRevB.54.11169|g#Perdew JP, 1996, PHYS
REV LETT, V77, P3865, DOI 10.1103/PhysRevLett.77.3865|g#Grimme S, 2010, J CHEM PHYS, V132, DOI
10.1063/1.3382344|g#BRUNAUER S, 1938, J AM CHEM SOC, V60, P309, DOI
10.1021/ja01269a023|a#Rochelle GT, 2009, SCIENCE, V325, P1652, DOI
10.1126/science.1176731|c#Breiman L, 2001, MACH LEARN, V45, P5, DOI
10.1023/A:1010933404324|l#Pedregosa F, 2011, J MACH LEARN RES, V12, P2825|l#Furukawa H, 2013,
SCIENCE, V341, P974, DOI 10.1126/science.1230444|m#Sumida K, 2012, CHEM REV, V112, P724, DOI
10.1021/cr2003272|m#Boot-Handford ME, 2014, ENERG ENVIRON SCI, V7, P130, DOI
10.1039/c3ee42350f|c# D'Alessandro DM, 2010, ANGEW CHEM INT EDIT, V49, P6058, DOI
10.1002/anie.201000431|m#Kuhl KP, 2012, ENERG ENVIRON SCI, V5, P7050, DOI
10.1039/c2ee21234j|r#Lundberg SM, 2017, ADV NEUR IN, V30|l""")
_TOPIC_CODES = "".join(t[0] for t in _TOPICS) + "g"  # "g": general method references
_MONTHS = b"JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
_OA = (b"Green Submitted", b"hybrid", b"Bronze", b"Green Published", b"Green Accepted")
_TEAMS = 3  # author teams rendered per group: a group's papers share teams and grants
_POOL = 256  # abstracts rendered per topic


def _initials(given: str) -> str:
    # WoS abbreviates "Jin-Ho" to "JH" and "John A." to "JA".
    return "".join(p[0].upper() for p in given.replace("-", " ").replace(".", "").split())


class _Groups:
    """Research groups (address, topic, members; the first member is the PI) and their teams."""

    def __init__(self, count: int, rnd: random.Random, rng: np.random.Generator) -> None:
        self.rnd = rnd
        self.au, self.af, self.mail, self.ri, self.oi = [], [], [], [], []
        self.address, self.org, self.topic, self.members = [], [], [], []
        self.cn_cum = _zipf(len(_NAMES["CN"][0]), 0.5)  # Wang, Li, Zhang... most frequent
        inst_cum = np.cumsum([float(row[4]) for row in _CN_INST]).tolist()
        topic_cum = np.cumsum([float(t[1]) for t in _TOPICS]).tolist()
        for _ in range(count):
            if rnd.random() < 0.64:
                abbr, org, city, post, _w, domain = rnd.choices(_CN_INST, cum_weights=inst_cum)[0]
                place, origin = f"{city} {post}, Peoples R China", "CN"
            else:
                abbr, org, place, origin, domain = rnd.choice(_INTL_INST)
            dept = rnd.choice(_DEPTS["CN" if origin == "CN" else "XX"])
            self.address.append(f"{abbr}, {dept}, {place}.")
            self.org.append(org)
            self.topic.append(rnd.choices(range(len(_TOPICS)), cum_weights=topic_cum)[0])
            # Groups abroad in these fields have many Chinese members too.
            self.members.append([self._person("CN" if rnd.random() < 0.4 else origin, domain)
                                 for _ in range(rnd.randint(3, 10))])
        self.cum = np.cumsum(rng.pareto(2.0, count) + 1.0)  # a few groups publish far more
        self.funder_cum = {k: _zipf(len(rows), 1.2) for k, rows in _FUNDERS.items()}
        self.teams = [[self._team(gi) for _ in range(_TEAMS)] for gi in range(count)]

    def _person(self, origin: str, domain: str) -> int:
        rnd = self.rnd
        surnames, givens = _NAMES[origin]
        if origin == "CN":  # given names of one or two syllables: "Xiaoyan" is "XY" in AU
            surname = rnd.choices(surnames, cum_weights=self.cn_cum)[0]
            parts = rnd.sample(givens, 1 if rnd.random() < 0.3 else 2)
            given = parts[0] + "".join(p.lower() for p in parts[1:])
            initials = "".join(p[0] for p in parts)
            user = f"{surname}{given}".lower() + (str(rnd.randrange(100)) * (rnd.random() < .5))
        else:
            surname, given = rnd.choice(surnames), rnd.choice(givens)
            if origin in ("US", "EU") and rnd.random() < 0.3:
                given += f" {rnd.choice('ABCDEFGHJKLMPRST')}."
            initials = _initials(given)
            user = f"{given.split()[0]}.{surname.replace(' ', '')}".lower()
        af = f"{surname}, {given}"
        self.au.append(f"{surname}, {initials}")
        self.af.append(af)
        domain = domain if rnd.random() < .7 else rnd.choice(("163.com", "gmail.com"))
        self.mail.append(f"{user}@{domain}")
        # ResearcherID names are typed freely by researchers: lower case is common.
        letters = "".join(rnd.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ", k=rnd.choice((1, 3))))
        self.ri.append(f"{af.lower() if rnd.random() < .25 else af}/{letters}-"
                       f"{rnd.randrange(1000, 9999)}-{rnd.randrange(2008, 2025)}"
                       if rnd.random() < 0.45 else None)
        self.oi.append(f"{af}/0000-000{rnd.randrange(1, 4)}-{rnd.randrange(1000, 9999)}-"
                       f"{rnd.randrange(100, 999)}{rnd.choice('0123456789X')}"
                       if rnd.random() < 0.4 else None)
        return len(self.au) - 1

    def _team(self, gi: int) -> tuple[bytes, bytes]:
        """Return the ``AU``/``AF`` lines and the ``C1`` to ``FX`` lines of one author team."""
        rnd, members = self.rnd, self.members[gi]
        # Students first and the PI last, as in these fields; a third bring in a partner group.
        students = rnd.sample(members[1:], min(len(members) - 1, rnd.randint(1, 5)))
        parts, partner = [(gi, students + members[:1])], []
        g2 = int(np.searchsorted(self.cum, rnd.random() * self.cum[-1], "right"))
        names = {self.af[p] for p in members}
        if rnd.random() < 0.35 and g2 != gi:
            # Two authors of one paper with the same full name would be a mistake.
            partner = [p for p in rnd.sample(self.members[g2], rnd.randint(1, 2))
                       if self.af[p] not in names]
            parts += [(g2, partner)] if partner else []
        authors = students + partner + members[:1]
        head = (f"AU {chr(10).join('   ' * bool(k) + self.au[p] for k, p in enumerate(authors))}\n"
                f"AF {chr(10).join('   ' * bool(k) + self.af[p] for k, p in enumerate(authors))}\n")
        lines = ["C1 " + "\n   ".join(f"[{'; '.join(self.af[p] for p in ppl)}] {self.address[gx]}"
                                      for gx, ppl in parts),
                 "C3 " + _wrap("; ".join(dict.fromkeys(o for gx, _ in parts
                                                        for o in self.org[gx].split("; "))))]
        corr = [(members[0], gi)] + ([(partner[0], g2)] if partner and rnd.random() < 0.3 else [])
        lines.append("RP " + "; ".join(f"{self.au[p]} (corresponding author), {self.address[gx]}"
                                       for p, gx in corr))
        mails = [self.mail[p] for p, _ in corr]
        mails = [self.mail[authors[0]]] + mails if rnd.random() < .25 else mails
        lines.append("EM " + _wrap("; ".join(dict.fromkeys(mails))))
        for tag, ids in (("RI", self.ri), ("OI", self.oi)):
            if entries := [ids[p] for p in authors if ids[p]]:
                lines.append(f"{tag} " + _wrap("; ".join(entries)))
        if rnd.random() < 0.8:
            lines += self._funding("CN" if self.address[gi].endswith("Peoples R China.") else "XX")
        return head.encode(), ("\n".join(lines) + "\n").encode()

    def _funding(self, country: str) -> list[str]:
        rnd, rows = self.rnd, _FUNDERS[country]
        chosen = dict.fromkeys(tuple(row) for row in rnd.choices(
            rows, cum_weights=self.funder_cum[country], k=rnd.randint(1, 3)))
        grants = [(name, ", ".join(f"{rnd.choice(prefixes.split(','))}"
                                   f"{rnd.randrange(10 ** int(digits)):0{digits}d}"
                                   for _ in range(rnd.randint(1, 2))))
                  for name, prefixes, digits in chosen]
        fx = " and the ".join(f"{name} ({numbers})" for name, numbers in grants)
        return ["FU " + _wrap("; ".join(f"{name} [{numbers}]" for name, numbers in grants)),
                "FX " + _wrap(f"This work was supported by the {fx}.")]


class _References:
    """Pool of cited references in WoS ``CR`` form, one block of popularity ranks per topic."""

    def __init__(self, size: int, rng: np.random.Generator) -> None:
        shares = np.array([float(t[1]) for t in _TOPICS] + [0.12])  # last: general methods
        self.n = np.maximum(np.round(size * shares / shares.sum()).astype(int), len(_CLASSICS))
        self.start = np.concatenate(([0], np.cumsum(self.n)[:-1]))
        size = int(self.n.sum())
        # Recent work is cited most: ages are exponential, clipped at 1950.
        age = np.floor(rng.exponential(7.0, size)).astype(int)
        self.year = np.clip(YEARS[1] - age, 1950, YEARS[1])
        cn = rng.random(size) < np.where(self.year > 2010, 0.6, 0.15)
        origin = np.where(cn, 0, rng.integers(1, 4, size)).tolist()
        draws = rng.integers(0, 1 << 30, (size, 3)).tolist()
        texts = [self._text(y, o, r, 2 * j + 2) for j, (y, o, r) in
                 enumerate(zip(self.year.tolist(), origin, draws))]
        for text, code in _CLASSICS:  # real hubs take the top ranks of their topic
            j = self.start[_TOPIC_CODES.index(code)] + sum(
                c == code for _, c in _CLASSICS[:_CLASSICS.index([text, code])])
            texts[j], self.year[j] = text, int(text.split(", ")[1])
        seen: set[str] = set()
        for j, text in enumerate(texts):  # two identical lines would collapse in one record
            while text in seen:
                text = f"{text.split(', DOI')[0]}, P{len(seen) + j}"
            seen.add(text)
            texts[j] = text
        order = sorted(range(size), key=lambda j: texts[j].lower())
        self.alpha = np.empty(size, dtype=np.int64)  # WoS sorts a record's CR lines like this
        self.alpha[order] = np.arange(size)
        self.texts = [texts[j] for j in order]
        # Per topic and citing year, the refs published by then, most popular first: drawing
        # from these prefixes means nothing cites the future and nothing is drawn in vain.
        tables, self.m = [], []
        for begin, size_t in zip(self.start.tolist(), self.n.tolist()):
            years = self.year[begin:begin + size_t]
            for y in range(YEARS[0], YEARS[1] + 1):
                tables.append(begin + np.flatnonzero(years <= y) if (years <= y).any() else
                              np.array([begin]))
                self.m.append(len(tables[-1]))
        self.table = np.concatenate(tables)
        self.off = np.concatenate(([0], np.cumsum(self.m)[:-1]))
        self.m = np.array(self.m)
        self.top = np.cbrt(self.m + 1.0) - 1.0

    @staticmethod
    def _text(year: int, origin: int, r: list[int], number: int) -> str:
        surnames, givens = _NAMES[("CN", "US", "EU", "JP")[origin]]
        x, roll = r[0], r[1] % 1000
        surname = surnames[x % len(surnames)].replace(" ", "")
        initials = givens[x // 97 % len(givens)][0] + (givens[x // 9700 % len(givens)][0]
                                                       if origin == 0 and x & 1 << 29 else "")
        if roll < 30:  # books and reports: dotted initials, no volume, no DOI
            return f"{surname} {'.'.join(initials)}., {year}, {_BOOKS[x % 4]}, P{r[2] % 400 + 1}"
        author = "[Anonymous]" if roll < 34 else \
            f"{surname.upper() if year < 1990 else surname} {initials}"
        j9, form, vol0, per_year = ((lambda j: (j[1], *j[7:10]))(_JOURNALS[r[2] % len(_JOURNALS)])
                                    if roll % 5 < 3 else _CITED_ONLY[r[2] % len(_CITED_ONLY)])
        text = f"{author}, {year}, {j9}, V{max(1, int(vol0) + (year - 2012) * int(per_year))}"
        if r[2] >> 10 & 7:
            text += f", P{(r[2] >> 13 & 8191) + 1}"
        if roll < 150:
            return text
        doi = form.format(y=year, y1=year % 10, yy=year % 100, n=number)
        # WoS shows some DOIs in two spellings, like this.
        return f"{text}, DOI [{doi}, {doi.upper()}]" if roll < 170 else f"{text}, DOI {doi}"

    def draw(self, rng: np.random.Generator, topic: np.ndarray, year: np.ndarray,
             count: np.ndarray) -> tuple[list[int], list[int]]:
        """Draw cited references for records: return pool ids (by record, sorted) and counts.

        75 % come from the record's topic, 12 % from general methods, 13 % from any topic;
        the rank-r reference of a topic is drawn with weight (r + 1) ** (-2/3).
        """
        draws = count + (count + 15) // 16 * (count > 0)  # a few more: repeats are dropped
        owner = np.repeat(np.arange(len(count)), draws)
        roll = rng.random(len(owner))
        t = np.where(roll < 0.12, len(_TOPICS), topic[owner])
        other = roll > 0.87
        t[other] = rng.integers(0, len(_TOPICS), int(other.sum()))
        k = t * (YEARS[1] - YEARS[0] + 1) + (year[owner] - YEARS[0])
        # Inverse CDF of a continuous x ** (-2/3) on [1, m + 1]: a cube, cheaper than pow().
        x = 1.0 + rng.random(len(owner)) * self.top[k]
        rank = np.minimum((x * x * x).astype(np.int64) - 1, self.m[k] - 1)
        keys = np.sort(owner * len(self.texts) + self.alpha[self.table[self.off[k] + rank]])
        if keys.size:  # none at all when the corpus has no cited references
            keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]  # drop repeats
        per_record = np.bincount(keys // len(self.texts), minlength=len(count))
        return (keys % len(self.texts)).tolist(), per_record.tolist()


class _Corpus:
    """What is drawn once per corpus; :meth:`chunk` renders consecutive records.

    Everything reused is kept as UTF-8 bytes and a chunk is one ``b"".join``: rendering is
    bound by memory access (about 40 pooled CR lines a record), not by drawing.
    """

    def __init__(self, records: int, seed: int, refs_per_record: int, no_doi_share: float) -> None:
        rnd, rng = random.Random(seed), np.random.default_rng(seed)
        # Identifiers depend on the seed too, so corpora of different seeds never share a
        # UT or DOI and do not merge when imported together.
        self.seed, self.base = seed, seed % 1000 * 1_000_000
        # Caps keep set-up short and the reference pool small enough for the CPU caches
        # (assembling CR lines is bound by memory latency): beyond them records share more
        # groups and references, which only makes the networks denser.
        self.groups = _Groups(min(4_000, max(40, records // 6)), rnd, rng)
        self.refs = _References(min(40_000, max(10_000, records * refs_per_record // 8)), rng)
        self.first = [f"CR {t}\n".encode() for t in self.refs.texts]
        self.more = [f"   {t}\n".encode() for t in self.refs.texts]
        self.mean_refs, self.no_doi = refs_per_record, int(no_doi_share * 10_000)
        self.year_p = 1.15 ** np.arange(YEARS[1] - YEARS[0] + 1)  # output grows 15 % a year
        self.year_p /= self.year_p.sum()
        self.topic = np.array(self.groups.topic)
        self.journals = [[self._journal(j) for j in _JOURNALS if t[0] in j[11]] for t in _TOPICS]
        # "with high selectivity" suits materials, not machine-learning models.
        self.parts = [(_table(t[4]), _table(t[5]), _WITHS if t[0] != "l" else ("",))
                      for t in _TOPICS]
        self.abstracts = [self._abstracts(t, rnd) for t in range(len(_TOPICS))]
        # Keywords are drawn per record (a long tail of rare terms cannot be pooled).
        self.keywords = KeywordDrawer(rnd, YEARS)
        self.ga = ["".join(rnd.choices("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", k=5)).encode()
                   for _ in range(4096)]

    @staticmethod
    def _journal(row: list[str]) -> tuple:
        so, j9, ji, pub, sn, ei, wc, doi, vol0, per_year, flags = row[:11]
        pu, pi, pa = _PUBLISHERS[pub]
        issn = (f"SN {sn}\n" if sn else "") + (f"EI {ei}\n" if ei else "")
        sc = "; ".join(dict.fromkeys(_SC.get(c, c) for c in wc.split("; ")))
        we = "WE Science Citation Index Expanded (SCI-EXPANDED)"
        return (f"SO {_wrap(so)}\nLA English\n".encode(),
                f"PU {pu}\nPI {pi}\nPA {_wrap(pa)}\n{issn}J9 {j9}\nJI {ji}\n".encode(),
                f"WC {_wrap(wc)}\n{we}\nSC {_wrap(sc)}\n".encode(),
                f"WC {_wrap(wc)}\n{we}; Conference Proceedings Citation Index - Science (CPCI-S)"
                f"\nSC {_wrap(sc)}\n".encode(), doi, int(vol0), int(per_year), flags,
                [b"PD %b%b\n" % (_MONTHS[k % 12], b" %d" % (k * 7 % 28 + 1) if k % 9 > 3 else b"")
                 if k % 10 else b"" for k in range(256)],  # "DEC", "MAR 15" or none, as in WoS
                [(b"IS %d\n" % (k % 24 + 1) if "A" not in flags or k & 64 else b"",
                  b"BP %d\nEP %d\n" % (k * 59 + 1, k * 59 + k % 12 + 5), b"PG %d\n" % (k % 12 + 6))
                 for k in range(256)])

    def _abstracts(self, t: int, rnd: random.Random) -> list[bytes]:
        """Render the pooled abstracts of topic ``t``."""
        objs, uses, _ = self.parts[t]
        intro, method, result, outro = _SENTENCES
        abstracts = []
        for _ in range(_POOL):
            text = " ".join(rnd.choice(g) for g in (intro, method, result, result, outro)).format(
                obj=rnd.choice(objs), use=rnd.choice(uses), num=rnd.randrange(12, 95),
                num2=rnd.randrange(2, 9))
            text = ". ".join(s[0].upper() + s[1:] for s in text.split(". "))
            abstracts.append(f"AB {text}\n".encode())
        return abstracts

    def chunk(self, start: int, n: int) -> bytes:
        """Return records ``start`` to ``start + n - 1`` as UTF-8, each ending ``ER``.

        Each chunk has its own random stream (seed, start): chunks are independent.
        """
        rng, g = np.random.default_rng([self.seed, start]), self.groups
        group = np.searchsorted(g.cum, rng.random(n) * g.cum[-1], "right")
        year = YEARS[0] + rng.choice(len(self.year_p), size=n, p=self.year_p)
        topic = self.topic[group]
        moved = rng.random(n) < 0.15  # groups sometimes publish off their main topic
        topic[moved] = rng.integers(0, len(_TOPICS), int(moved.sum()))
        kind = rng.integers(0, 1000, n)  # < 900 article, < 950 review, < 955 proceedings
        # Reviews and repeats raise the mean by about a tenth: aim the draw below it.
        mean = max(self.mean_refs / 1.1, 0.5)
        count = rng.negative_binomial(4, 4 / (4 + mean), n) * (self.mean_refs > 0)
        count[(kind >= 900) & (kind < 950)] *= 3  # reviews cite a lot, editorials little
        count[kind >= 955] = np.minimum(count[kind >= 955], 6)
        count[kind < 3] = 0
        ids, per_record = self.refs.draw(rng, topic, year, count)
        age = 2025 - year
        cited = np.floor(np.exp(rng.normal(np.log(1 + 3.0 * age), 1.1))).astype(int).tolist()
        rand = rng.integers(0, 1 << 30, (n, 6)).tolist()
        # Keywords from a stream of their own: the vocabulary can change without changing
        # authors, references or identifiers of the same seed.
        keywords = self.keywords.lines(np.random.default_rng([self.seed, start, 1]), topic, year)
        parts: list[bytes] = []
        offset, first, more = 0, self.first, self.more
        rows = zip(group.tolist(), year.tolist(), topic.tolist(), kind.tolist(), per_record,
                   cited, rand, keywords)
        for i, (gi, y, t, k, nr, tc, r, kw) in enumerate(rows):
            parts.append(self._front(gi, t, k, r, kw))
            if nr:
                parts.append(first[ids[offset]])
                parts.extend(map(more.__getitem__, ids[offset + 1:offset + nr]))
                offset += nr
            parts.append(self._back(start + i, y, t, k, nr, tc, r))
        return b"".join(parts)

    def _front(self, gi: int, t: int, kind: int, r: list[int], keywords: bytes) -> bytes:
        """Render ``PT`` to ``FX``: the team's lines, a title, the journal, ``keywords`` (the
        ``DE`` and ``ID`` lines), an abstract."""
        head, tail = self.groups.teams[gi][r[0] % _TEAMS]
        objs, uses, withs = self.parts[t]
        x = r[1]  # one random number split into the title's pieces
        title = (f"{_LEADS[x % 13]}{objs[x // 13 % len(objs)]}{withs[x // 130 % len(withs)]} for "
                 f"{uses[x // 1300 % len(uses)]}{_TAILS[x // 13000 % len(_TAILS)]}")
        so = self.journals[t][r[2] % len(self.journals[t])][0]
        ab = self.abstracts[t]
        x = r[2] >> 5
        dt = (b"Article" if kind < 900 else b"Review" if kind < 950 else
              b"Article; Proceedings Paper" if kind < 955 else b"Editorial Material")
        return b"PT J\n%bTI %b\n%bDT %b\n%b%b%b" % (
            head, _wrap(title[0].upper() + title[1:]).encode(), so, dt, keywords,
            ab[x // _POOL ** 2 % _POOL], tail)

    def _back(self, i: int, y: int, t: int, kind: int, nr: int, tc: int, r: list[int]) -> bytes:
        """Render ``NR`` to ``ER``: counts, the journal's lines, pages, DOI and identifiers."""
        _so, pub, wc, wc_proc, doi, vol0, per_year, flags, dates, pages = \
            self.journals[t][r[2] % len(self.journals[t])]
        u1, x = r[3] % (3 + min(tc, 40)), r[4]
        issue, where, pg = pages[x % 256]
        # Article numbers replaced pages in these journals from about 2016.
        where = b"AR %d\n" % (r[5] % 999_900 + 100) if "A" in flags and y >= 2016 else where
        # Odd numbers for records, even ones for cited references: DOIs never collide.
        di = b"" if r[5] // 16 % 10_000 < self.no_doi else \
            b"DI %b\n" % doi.format(y=y, y1=y % 10, yy=y % 100, n=2 * (i + self.base) + 1).encode()
        ea = b"EA %b %d\n" % (_MONTHS[r[5] % 12], y - (x >> 25 & 1)) \
            if y >= YEARS[1] - 1 and x % 3 == 0 else b""
        tail = (b"PM %d\n" % (22_000_000 + (r[0] >> 3) % 18_000_000) if "P" in flags and r[0] & 4
                else b"") + (b"OA gold\n" if "G" in flags else
                             b"OA %b\n" % _OA[r[3] % 5] if r[3] >> 20 & 7 == 0 else b"")
        if tc > 60 * (2025 - y) + 40:  # highly cited for its field and year
            tail += b"HC Y\nHP N\n"
        return (b"NR %d\nTC %d\nZ9 %d\nU1 %d\nU2 %d\n%b%bPY %d\nVL %d\n%b%b%b%b%b%bGA %b\n"
                b"UT WOS:000%09d%03d\n%bDA %b\nER\n\n") % (
            nr, tc, tc + tc // 30, u1, u1 + r[3] // 64 % 60, pub, dates[x // 256 % 256], y,
            vol0 + (y - 2012) * per_year + x % per_year, issue, where, di, ea, pg,
            wc_proc if 950 <= kind < 955 else wc, self.ga[r[1] % 4096],
            400_000_000 + (i * 7919 + self.base) % 600_000_000, i % 997, tail, _EXPORT)


_WORKER: _Corpus | None = None  # the corpus a worker process renders chunks of


def _init_worker(corpus: _Corpus) -> None:
    global _WORKER
    _WORKER = corpus


def _render(task: tuple[int, int, str]) -> str:
    # Workers hand back a file, not bytes: piping 10 MB per chunk costs the parent more
    # CPU than reading it back from the page cache.
    start, n, folder = task
    assert _WORKER is not None
    part = os.path.join(folder, f"{start}.part")
    with open(part, "wb") as handle:
        handle.write(_WORKER.chunk(start, n))
    return part


def _read_part(part: str) -> bytes:
    with open(part, "rb") as handle:
        data = handle.read()
    os.remove(part)
    return data


def write_wos_corpus(path: Path, records: int, *, seed: int = 7, refs_per_record: int = 40,
                     records_per_file: int | None = None, no_doi_share: float = 0.02,
                     workers: int | None = None) -> list[Path]:
    """Write a synthetic WoS plain-text corpus as a stream; return the files written.

    Parameters
    ----------
    path : Path
        The file to write. With ``records_per_file`` the files are numbered beside it:
        ``corpus.txt`` gives ``corpus_0001.txt``, ``corpus_0002.txt``...
    records : int
        Number of records (``PT J`` ... ``ER``), at least 0.
    seed : int
        The same seed, ``records`` and ``refs_per_record`` give byte-identical records,
        however they are split into files; other seeds give other UTs and DOIs.
    refs_per_record : int
        Mean number of cited references (``CR`` lines) per record; reviews cite three times
        more, editorials at most six, a few records none. ``NR`` is each record's count.
    records_per_file : int, optional
        Split into files of this many records, like WoS's 500 or 1,000-record batches.
    no_doi_share : float
        Share of records without ``DI`` (0 to 1); every other record has its own DOI.
    workers : int, optional
        Processes rendering records (default: up to 2 where ``fork`` exists, for large
        corpora). Chunks have their own random streams: the files do not depend on it.

    Returns
    -------
    list of Path
        The written files, in order.

    Raises
    ------
    ValueError
        When a parameter is out of range.
    """
    for name, value, ok in (("records", records, records >= 0),
                            ("refs_per_record", refs_per_record, refs_per_record >= 0),
                            ("records_per_file", records_per_file,
                             records_per_file is None or records_per_file >= 1),
                            ("no_doi_share", no_doi_share, 0 <= no_doi_share <= 1)):
        if not ok:
            raise ValueError(f"Invalid {name}: got {value!r}; records and refs_per_record must "
                             "be >= 0, records_per_file None or >= 1, no_doi_share in [0, 1].")
    path = Path(path)
    per_file = records_per_file or max(records, 1)
    paths = [path] if records_per_file is None else [
        path.with_name(f"{path.stem}_{k:04d}{path.suffix}")
        for k in range(1, max(1, -(-records // per_file)) + 1)]
    # Chunks are the same whatever the split or the number of workers: so are the records.
    tasks = [(start, min(_CHUNK, records - start)) for start in range(0, records, _CHUNK)]
    corpus = _Corpus(records, seed, refs_per_record, no_doi_share)
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if records >= 4 * _CHUNK else 1
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        # fork shares the corpus tables with the workers instead of pickling them; parts go
        # to RAM (/dev/shm) where there is one, so the corpus is written to disk only once.
        shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
        with tempfile.TemporaryDirectory(dir=shm or path.parent) as folder, \
                multiprocessing.get_context("fork").Pool(workers, _init_worker, (corpus,)) as pool:
            _write_files(paths, per_file, _in_order(pool, tasks, folder, 2 * workers))
    else:
        _write_files(paths, per_file, ((task, corpus.chunk(*task)) for task in tasks))
    return paths


def _in_order(pool: Any, tasks: list[tuple[int, int]], folder: str,
              ahead: int) -> Iterator[tuple[tuple[int, int], bytes]]:
    """Yield rendered chunks in order, at most ``ahead`` in flight (bounded memory)."""
    pending: deque = deque()
    for task in tasks:
        pending.append((task, pool.apply_async(_render, ((*task, folder),))))
        if len(pending) > ahead:
            done, result = pending.popleft()
            yield done, _read_part(result.get())
    while pending:
        done, result = pending.popleft()
        yield done, _read_part(result.get())


def _write_files(paths: list[Path], per_file: int,
                 chunks: Iterable[tuple[tuple[int, int], bytes]]) -> None:
    """Write rendered chunks into ``paths``, ``per_file`` records each, with header and EF."""
    pending = iter(paths)
    handle, in_file = open(next(pending), "wb"), 0
    handle.write(_HEADER.encode())
    try:
        for (_start, n), data in chunks:
            done = begin = 0
            while done < n:
                if in_file == per_file:  # real exports end "ER", a blank line, "EF", no newline
                    handle.write(b"EF")
                    handle.close()
                    handle, in_file = open(next(pending), "wb"), 0
                    handle.write(_HEADER.encode())
                take, end = min(n - done, per_file - in_file), len(data)
                if done + take < n:  # the file fills up inside this chunk: find that record's end
                    end = begin
                    for _ in range(take):
                        end = data.index(b"\nER\n\n", end) + 5
                handle.write(memoryview(data)[begin:end])
                done, begin, in_file = done + take, end, in_file + take
        handle.write(b"EF")
    finally:
        handle.close()
