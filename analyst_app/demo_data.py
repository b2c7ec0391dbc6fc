"""Seeded generator of demo ESI "Indicators Results List: Institutions" exports.

One CSV per field and release, byte for byte in the layout of real exports and saved under
meaningless names as users do, so every ESI page can be tried without a licence. DALIAN
UNIVERSITY OF TECHNOLOGY gets a story across releases (entering the top 1‱, a new field, a
drop-out, rises and falls) so that bulletins built on the demo have something to say.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from analyst_app.domain.esi_fields import esi_fields

DEMO_RELEASES = ("2025-07", "2025-09", "2025-11")
DEMO_INSTITUTION = "DALIAN UNIVERSITY OF TECHNOLOGY"

_TITLE = ("Indicators Results List: Institutions   Filter Results By: ResearchFields   "
          "Filter Value(s): {field}   Show: Top")
_HEADER = ",Institutions,Countries/Regions,Web of Science Documents,Cites,Cites/Paper,Top Papers"
_FOOTER = "Copyright \u00a9 2025 Clarivate"


def _table(text: str, sep: str = ";") -> list[str]:
    # Vocabularies are strings wrapped after a separator: short and easy to extend.
    return [item for item in text.replace("\n", "").split(sep) if item]


# Short codes keep the vocabulary compact; values are ESI's spellings. "--" is the empty
# country that ESI leaves unquoted for a few ministries.
_COUNTRIES = dict(item.split("=") for item in _table("""\
CN=CHINA MAINLAND;US=USA;EN=ENGLAND;SC=SCOTLAND;WA=WALES;DE=GERMANY (FED REP GER);FR=FRANCE;
IT=ITALY;ES=SPAIN;NL=NETHERLANDS;CH=SWITZERLAND;SE=SWEDEN;DK=DENMARK;NO=NORWAY;FI=FINLAND;
BE=BELGIUM;AT=AUSTRIA;PT=PORTUGAL;IE=IRELAND;PL=POLAND;CZ=CZECH REPUBLIC;GR=GREECE;RU=RUSSIA;
TR=TURKIYE;IL=ISRAEL;IR=IRAN;SA=SAUDI ARABIA;EG=EGYPT;IN=INDIA;PK=PAKISTAN;JP=JAPAN;KR=SOUTH KOREA;
TW=TAIWAN;HK=HONG KONG;SG=SINGAPORE;MY=MALAYSIA;AU=AUSTRALIA;NZ=NEW ZEALAND;CA=CANADA;BR=BRAZIL;
MX=MEXICO;AR=ARGENTINA;NA=N/A;--="""))
# Log-size of the strongest listed institution of a country (others: 1.4), so that the
# top of each field belongs to the big research systems, as in real lists.
_COUNTRY_TOP = {"CN": 2.7, "US": 2.7, "EN": 2.2, "DE": 2.2, "FR": 2.1, "JP": 1.9, "CA": 1.9,
                "AU": 1.9, "IT": 1.9, "ES": 1.9, "NL": 1.8, "CH": 1.8, "KR": 1.8, "HK": 1.7}
_ENGLISH = {"US", "EN", "AU", "CA"}

# Real institutions in ESI's spelling, roughly strongest first within a country (the
# order sets their size). "XX|NAME" opens country XX.
_REAL = """\
CN|CHINESE ACADEMY OF SCIENCES;UNIVERSITY OF CHINESE ACADEMY OF SCIENCES, CAS;TSINGHUA UNIVERSITY;
PEKING UNIVERSITY;ZHEJIANG UNIVERSITY;SHANGHAI JIAO TONG UNIVERSITY;HARBIN INSTITUTE OF TECHNOLOGY;
XI'AN JIAOTONG UNIVERSITY;HUAZHONG UNIVERSITY OF SCIENCE & TECHNOLOGY;FUDAN UNIVERSITY;
UNIVERSITY OF SCIENCE & TECHNOLOGY OF CHINA, CAS;SUN YAT SEN UNIVERSITY;NANJING UNIVERSITY;
SOUTHEAST UNIVERSITY - CHINA;TIANJIN UNIVERSITY;CENTRAL SOUTH UNIVERSITY;WUHAN UNIVERSITY;
SOUTH CHINA UNIVERSITY OF TECHNOLOGY;SICHUAN UNIVERSITY;TONGJI UNIVERSITY;SHANDONG UNIVERSITY;
JILIN UNIVERSITY;BEIHANG UNIVERSITY;BEIJING INSTITUTE OF TECHNOLOGY;SHENZHEN UNIVERSITY;
UNIVERSITY OF ELECTRONIC SCIENCE & TECHNOLOGY OF CHINA;NORTHWESTERN POLYTECHNICAL UNIVERSITY;
HUNAN UNIVERSITY;CHONGQING UNIVERSITY;XIAMEN UNIVERSITY;NANKAI UNIVERSITY;JIANGSU UNIVERSITY;
EAST CHINA UNIVERSITY OF SCIENCE & TECHNOLOGY;NORTHEASTERN UNIVERSITY - CHINA;ZHENGZHOU UNIVERSITY;
CHINA UNIVERSITY OF MINING & TECHNOLOGY;CHINA UNIVERSITY OF PETROLEUM;BEIJING NORMAL UNIVERSITY;
NANJING UNIVERSITY OF SCIENCE & TECHNOLOGY;NANJING UNIVERSITY OF AERONAUTICS & ASTRONAUTICS;
WUHAN UNIVERSITY OF TECHNOLOGY;BEIJING UNIVERSITY OF CHEMICAL TECHNOLOGY;SHANGHAI UNIVERSITY;
SOUTHERN UNIVERSITY OF SCIENCE & TECHNOLOGY;EAST CHINA NORMAL UNIVERSITY;
DALIAN INSTITUTE OF CHEMICAL PHYSICS, CAS;LANZHOU UNIVERSITY;JINAN UNIVERSITY;HOHAI UNIVERSITY;
CHINA UNIVERSITY OF GEOSCIENCES;NORTH CHINA ELECTRIC POWER UNIVERSITY;BEIJING JIAOTONG UNIVERSITY;
UNIVERSITY OF SCIENCE & TECHNOLOGY BEIJING;SOUTHWEST JIAOTONG UNIVERSITY;JIANGNAN UNIVERSITY;
HEFEI UNIVERSITY OF TECHNOLOGY;ZHEJIANG UNIVERSITY OF TECHNOLOGY;FUZHOU UNIVERSITY;
NINGBO UNIVERSITY;CHINA AGRICULTURAL UNIVERSITY;NORTHWEST A&F UNIVERSITY - CHINA;
NANJING AGRICULTURAL UNIVERSITY;HUAZHONG AGRICULTURAL UNIVERSITY;OCEAN UNIVERSITY OF CHINA;
HARBIN ENGINEERING UNIVERSITY;DALIAN MARITIME UNIVERSITY;RENMIN UNIVERSITY OF CHINA;
SHANGHAI UNIVERSITY OF FINANCE & ECONOMICS;SOUTHWESTERN UNIVERSITY OF FINANCE & ECONOMICS - CHINA;
CHINESE ACADEMY OF MEDICAL SCIENCES - PEKING UNION MEDICAL COLLEGE;CAPITAL MEDICAL UNIVERSITY;
SOUTHERN MEDICAL UNIVERSITY - CHINA;NANJING MEDICAL UNIVERSITY;DALIAN MEDICAL UNIVERSITY;
US|UNIVERSITY OF CALIFORNIA SYSTEM;HARVARD UNIVERSITY;UNIVERSITY OF TEXAS SYSTEM;
STANFORD UNIVERSITY;MASSACHUSETTS INSTITUTE OF TECHNOLOGY (MIT);UNIVERSITY OF MICHIGAN;
JOHNS HOPKINS UNIVERSITY;UNIVERSITY OF CALIFORNIA BERKELEY;UNIVERSITY OF WASHINGTON;
UNITED STATES DEPARTMENT OF ENERGY (DOE);COLUMBIA UNIVERSITY;UNIVERSITY OF PENNSYLVANIA;
YALE UNIVERSITY;PENNSYLVANIA STATE UNIVERSITY;UNIVERSITY OF CALIFORNIA LOS ANGELES;
UNIVERSITY OF WISCONSIN MADISON;GEORGIA INSTITUTE OF TECHNOLOGY;PURDUE UNIVERSITY;
NATIONAL INSTITUTES OF HEALTH (NIH) - USA;DUKE UNIVERSITY;UNIVERSITY OF CHICAGO;
PRINCETON UNIVERSITY;CALIFORNIA INSTITUTE OF TECHNOLOGY;UNIVERSITY OF NORTH CAROLINA CHAPEL HILL;
NATIONAL AERONAUTICS & SPACE ADMINISTRATION (NASA);CARNEGIE MELLON UNIVERSITY;
NATIONAL BUREAU OF ECONOMIC RESEARCH;MAYO CLINIC;HARVARD MEDICAL SCHOOL;
UTMD ANDERSON CANCER CENTER;MASSACHUSETTS GENERAL HOSPITAL;BRIGHAM & WOMEN'S HOSPITAL;
MEMORIAL SLOAN KETTERING CANCER CENTER;UNIVERSITY OF CALIFORNIA SAN FRANCISCO;
CLEVELAND CLINIC FOUNDATION;US DEPARTMENT OF VETERANS AFFAIRS;EN|UNIVERSITY OF LONDON;
UNIVERSITY OF OXFORD;UNIVERSITY OF CAMBRIDGE;IMPERIAL COLLEGE LONDON;UNIVERSITY COLLEGE LONDON;
UNIVERSITY OF MANCHESTER;KING'S COLLEGE LONDON;SC|UNIVERSITY OF EDINBURGH;UNIVERSITY OF GLASGOW;
WA|CARDIFF UNIVERSITY;DE|MAX PLANCK SOCIETY;HELMHOLTZ ASSOCIATION;TECHNICAL UNIVERSITY OF MUNICH;
UNIVERSITY OF MUNICH;RWTH AACHEN UNIVERSITY;KARLSRUHE INSTITUTE OF TECHNOLOGY;
FR|CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE (CNRS);UNIVERSITE PARIS SACLAY;SORBONNE UNIVERSITE;
INSTITUT NATIONAL DE LA SANTE ET DE LA RECHERCHE MEDICALE (INSERM);UNIVERSITE PARIS CITE;
ASSISTANCE PUBLIQUE HOPITAUX PARIS (APHP);IT|CONSIGLIO NAZIONALE DELLE RICERCHE (CNR);
SAPIENZA UNIVERSITY ROME;UNIVERSITY OF BOLOGNA;UNIVERSITY OF PADUA;POLYTECHNIC UNIVERSITY OF MILAN;
ES|CONSEJO SUPERIOR DE INVESTIGACIONES CIENTIFICAS (CSIC);UNIVERSITY OF BARCELONA;
NL|UNIVERSITY OF AMSTERDAM;UTRECHT UNIVERSITY;DELFT UNIVERSITY OF TECHNOLOGY;CH|ETH ZURICH;
ECOLE POLYTECHNIQUE FEDERALE DE LAUSANNE;UNIVERSITY OF ZURICH;SE|KAROLINSKA INSTITUTET;
LUND UNIVERSITY;UPPSALA UNIVERSITY;DK|UNIVERSITY OF COPENHAGEN;TECHNICAL UNIVERSITY OF DENMARK;
NO|NORWEGIAN UNIVERSITY OF SCIENCE & TECHNOLOGY (NTNU);UNIVERSITY OF OSLO;
FI|UNIVERSITY OF HELSINKI;AALTO UNIVERSITY;BE|KU LEUVEN;GHENT UNIVERSITY;AT|UNIVERSITY OF VIENNA;
PT|UNIVERSIDADE DE LISBOA;IE|UNIVERSITY COLLEGE DUBLIN;PL|POLISH ACADEMY OF SCIENCES;
CZ|CZECH ACADEMY OF SCIENCES;RU|RUSSIAN ACADEMY OF SCIENCES;IL|TEL AVIV UNIVERSITY;
TECHNION ISRAEL INSTITUTE OF TECHNOLOGY;TR|ISTANBUL UNIVERSITY;MIDDLE EAST TECHNICAL UNIVERSITY;
IR|ISLAMIC AZAD UNIVERSITY;UNIVERSITY OF TEHRAN;SA|KING ABDULAZIZ UNIVERSITY;KING SAUD UNIVERSITY;
KING ABDULLAH UNIVERSITY OF SCIENCE & TECHNOLOGY;EG|EGYPTIAN KNOWLEDGE BANK (EKB);
IN|INDIAN INSTITUTE OF TECHNOLOGY SYSTEM (IIT SYSTEM);
INDIAN INSTITUTE OF SCIENCE (IISC) - BANGALORE;PK|COMSATS UNIVERSITY ISLAMABAD (CUI);
JP|UNIVERSITY OF TOKYO;KYOTO UNIVERSITY;OSAKA UNIVERSITY;TOHOKU UNIVERSITY;
INSTITUTE OF SCIENCE TOKYO;KR|SEOUL NATIONAL UNIVERSITY (SNU);
KOREA ADVANCED INSTITUTE OF SCIENCE & TECHNOLOGY (KAIST);YONSEI UNIVERSITY;
SUNGKYUNKWAN UNIVERSITY (SKKU);POHANG UNIVERSITY OF SCIENCE & TECHNOLOGY (POSTECH);
TW|NATIONAL TAIWAN UNIVERSITY;NATIONAL CHENG KUNG UNIVERSITY;HK|UNIVERSITY OF HONG KONG;
CHINESE UNIVERSITY OF HONG KONG;HONG KONG POLYTECHNIC UNIVERSITY;CITY UNIVERSITY OF HONG KONG;
HONG KONG UNIVERSITY OF SCIENCE & TECHNOLOGY;SG|NATIONAL UNIVERSITY OF SINGAPORE;
NANYANG TECHNOLOGICAL UNIVERSITY;MY|UNIVERSITI MALAYA;AU|UNIVERSITY OF MELBOURNE;
UNIVERSITY OF SYDNEY;MONASH UNIVERSITY;UNIVERSITY OF NEW SOUTH WALES SYDNEY;
UNIVERSITY OF QUEENSLAND;AUSTRALIAN NATIONAL UNIVERSITY;
COMMONWEALTH SCIENTIFIC & INDUSTRIAL RESEARCH ORGANISATION (CSIRO);NZ|UNIVERSITY OF AUCKLAND;
CA|UNIVERSITY OF TORONTO;UNIVERSITY OF BRITISH COLUMBIA;MCGILL UNIVERSITY;UNIVERSITY OF ALBERTA;
BR|UNIVERSIDADE DE SAO PAULO;UNIVERSIDADE ESTADUAL DE CAMPINAS;
AR|CONSEJO NACIONAL DE INVESTIGACIONES CIENTIFICAS Y TECNICAS (CONICET);
NA|US DEPT HLTH HUMAN SERVICES;EUROPEAN UNION (EU);MINIST EDUC;UNIV LYON COMUE;
UNIV PARIS EST COMUE;--|MINISTRY OF EDUCATION, BRAZIL
"""
# Cities for generated long-tail names ("JIAXING UNIVERSITY", "UNIVERSITY OF TOLEDO").
# DALIAN is left out on purpose so no generated name can shadow the demo institution.
_CITIES = """\
CN|ANHUI;HEBEI;HENAN;HUBEI;HUNAN;JIANGXI;GUIZHOU;YUNNAN;SHANXI;GANSU;QINGHAI;NINGXIA;XINJIANG;
FUJIAN;GUANGXI;HAINAN;CHANGZHOU;WENZHOU;SHAOXING;HUZHOU;JIAXING;TAIZHOU;YANTAI;WEIFANG;LINYI;
LIAOCHENG;QUFU;ZUNYI;GUILIN;LIUZHOU;ZHANJIANG;SHANTOU;FOSHAN;DONGGUAN;HUIZHOU;JIAMUSI;QIQIHAR;
DAQING;BAOTOU;DATONG;TAIYUAN;SHIJIAZHUANG;TANGSHAN;BAODING;HANDAN;XINXIANG;LUOYANG;KAIFENG;NANYANG;
ANYANG;YICHANG;XIANGTAN;HENGYANG;CHANGSHA;GANZHOU;JIUJIANG;WUHU;BENGBU;HUAIBEI;HUAINAN;XUZHOU;
NANTONG;YANCHENG;HUAIYIN;ZHENJIANG;WUXI;HANGZHOU;KUNMING;GUIYANG;XINING;YINCHUAN;URUMQI;HOHHOT;
CHANGCHUN;SHENYANG;JINZHOU;ANSHAN;FUSHUN;YANGTZE;HUANGHE;ZHONGYUAN;JIANGHAN;LINGNAN;HUAIHAI;
TONGHUA;YANBIAN;MUDANJIANG;CHIFENG;WEIHAI;RIZHAO;US|TOLEDO;AKRON;DAYTON;TULSA;OMAHA;WICHITA;BOISE;
FRESNO;SPOKANE;RENO;ALBANY;BUFFALO;ROCHESTER;SYRACUSE;HARTFORD;PROVIDENCE;RICHMOND;NORFOLK;
CHARLOTTE;MEMPHIS;NASHVILLE;LOUISVILLE;CINCINNATI;DETROIT;DENVER;PORTLAND;SACRAMENTO;SAN ANTONIO;
EL PASO;ALBUQUERQUE;TUCSON;MIAMI;TAMPA;ORLANDO;ATLANTA;BALTIMORE;NEWARK;MILWAUKEE;MADISON;
DES MOINES;KANSAS CITY;ST LOUIS;LITTLE ROCK;JACKSON;BIRMINGHAM;MOBILE;SAVANNAH;JP|SAPPORO;SENDAI;
NIIGATA;KANAZAWA;SHIZUOKA;NAGOYA;GIFU;MIE;KOBE;OKAYAMA;HIROSHIMA;YAMAGUCHI;TOKUSHIMA;KOCHI;EHIME;
KUMAMOTO;NAGASAKI;KAGOSHIMA;CHIBA;GUNMA;SHINSHU;TOYAMA;AKITA;IWATE;IN|DELHI;MUMBAI;PUNE;CHENNAI;
HYDERABAD;KOLKATA;LUCKNOW;JAIPUR;BHOPAL;PATNA;AMRITSAR;MYSORE;MADURAI;NAGPUR;INDORE;RANCHI;
GUWAHATI;CALICUT;ANNA;ANDHRA;OSMANIA;PANJAB;BANARAS;JADAVPUR;DE|ULM;KIEL;JENA;MAINZ;BREMEN;ROSTOCK;
LEIPZIG;GIESSEN;MARBURG;REGENSBURG;WURZBURG;FREIBURG;HANNOVER;EN|EXETER;YORK;DURHAM;KENT;SUSSEX;
LEICESTER;READING;SURREY;BATH;HULL;PLYMOUTH;KEELE;BRADFORD;FR|LILLE;NANTES;RENNES;BREST;TOURS;
DIJON;NANCY;REIMS;ROUEN;CAEN;LIMOGES;POITIERS;BESANCON;IT|PAVIA;PARMA;MODENA;VERONA;TRIESTE;GENOA;
SIENA;PERUGIA;BARI;CATANIA;PALERMO;MESSINA;CAGLIARI;ES|OVIEDO;MURCIA;ZARAGOZA;SALAMANCA;VALLADOLID;
CORDOBA;MALAGA;CADIZ;ALICANTE;NAVARRA;VIGO;KR|PUSAN;KYUNGPOOK;CHONNAM;CHUNGNAM;CHUNGBUK;JEONBUK;
GYEONGSANG;KANGWON;ULSAN;INHA;AJOU;TR|ANKARA;IZMIR;BURSA;KONYA;ERCIYES;ATATURK;EGE;AKDENIZ;SELCUK;
FIRAT;INONU;ONDOKUZ MAYIS;BR|MINAS GERAIS;PARANA;BAHIA;PERNAMBUCO;SANTA CATARINA;GOIAS;CEARA;
BRASILIA;PARAIBA;VICOSA;IR|SHIRAZ;TABRIZ;ISFAHAN;MASHHAD;KERMAN;ZANJAN;SEMNAN;KASHAN;YAZD;GUILAN;
AU|NEWCASTLE;WOLLONGONG;TASMANIA;CANBERRA;SOUTHERN QUEENSLAND;CHARLES DARWIN;FLINDERS;CA|CALGARY;
MANITOBA;SASKATCHEWAN;VICTORIA;GUELPH;WINDSOR;REGINA;LAVAL;SHERBROOKE;TW|TAIPEI;KAOHSIUNG;TAICHUNG;
TAINAN;HSINCHU;TAOYUAN;CHIAYI;CHANGHUA;PL|WARSAW;KRAKOW;WROCLAW;GDANSK;POZNAN;LODZ;LUBLIN;SILESIA;
EG|CAIRO;ALEXANDRIA;MANSOURA;ASSIUT;TANTA;ZAGAZIG;PK|LAHORE;KARACHI;PESHAWAR;FAISALABAD;
QUAID-I-AZAM;SA|JAZAN;TAIF;QASSIM;TABUK;NAJRAN;MY|PUTRA;SAINS;KEBANGSAAN;TEKNOLOGI MARA;
MX|GUADALAJARA;MONTERREY;PUEBLA;YUCATAN;GR|ATHENS;CRETE;PATRAS;IOANNINA
"""
# Name patterns by style ("{}" is the city): China, English-speaking countries and the rest
# are named differently in ESI, and hospitals fill the long clinical tail.
_PATTERNS = {style: _table(text) for style, text in {
    "CN": """{} UNIVERSITY;{} MEDICAL UNIVERSITY;{} NORMAL UNIVERSITY;{} UNIVERSITY OF TECHNOLOGY;
{} UNIVERSITY OF SCIENCE & TECHNOLOGY;{} AGRICULTURAL UNIVERSITY;{} UNIVERSITY OF CHINESE MEDICINE;
{} FIRST PEOPLE'S HOSPITAL;{} CENTRAL HOSPITAL;{} CHILDREN'S HOSPITAL;{} CANCER HOSPITAL;
{} INSTITUTE OF TECHNOLOGY;{} UNIVERSITY OF FINANCE & ECONOMICS;{} MATERNAL & CHILD HEALTH HOSPITAL;
{} CENTER FOR DISEASE CONTROL & PREVENTION""",
    "EN": """UNIVERSITY OF {};{} STATE UNIVERSITY;{} MEDICAL CENTER;{} CHILDREN'S HOSPITAL;
{} GENERAL HOSPITAL;{} CANCER CENTER;{} INSTITUTE OF TECHNOLOGY;{} COLLEGE;{} HEALTH SYSTEM;
{} VA MEDICAL CENTER;{} UNIVERSITY HOSPITAL;{} HEART INSTITUTE;{} REGIONAL MEDICAL CENTER;
{} SCHOOL OF BUSINESS;{} RESEARCH INSTITUTE""",
    "XX": """UNIVERSITY OF {};{} UNIVERSITY;{} UNIVERSITY HOSPITAL;{} MEDICAL UNIVERSITY;
{} UNIVERSITY OF TECHNOLOGY;{} INSTITUTE OF TECHNOLOGY;{} GENERAL HOSPITAL;{} CHILDREN'S HOSPITAL;
{} CITY HOSPITAL;{} CANCER INSTITUTE;{} TRAINING & RESEARCH HOSPITAL;{} UNIVERSITY OF AGRICULTURE;
{} NORMAL UNIVERSITY;{} SCHOOL OF ECONOMICS;{} HEART CENTER"""}.items()}

# Per field, first release: listed institutions N, threshold cites T, top/threshold ratio R
# (T and R close to the 2025 samples) and typical cites per paper. Clinical medicine is
# scaled from ~6750 to the size of the name pool but stays the largest list.
_FIELD_PARAMS = {row.split()[0]: tuple(float(x) for x in row.split()[1:]) for row in _table("""\
AGR 1381 3558 93 14;BIO 1330 9500 150 22;CHE 2141 7883 418 20;CLI 4700 4288 1040 18;
CS 863 5537 52 12;ECO 543 7371 37 15;ENG 2787 3794 355 13;ENV 2066 5250 255 18;GEO 960 8200 120 17;
IMM 1010 5600 160 25;MAT 1580 8493 384 22;MATH 395 5213 24 6;MIC 640 4700 110 20;
MOL 1060 11500 190 32;MUL 340 3900 300 30;NEU 1150 8800 260 24;PHA 1310 4800 140 16;
PHY 995 19512 68 14;PLA 1820 3600 130 13;PSY 1180 4300 230 17;SOC 2407 2012 276 11;
SPA 310 23000 42 26""")}

# Kind of institution (first keyword match wins) and its log-strength shift per field,
# so hospitals crowd clinical medicine and universities of technology engineering.
_KIND_WORDS = {kind: _table(words, ",") for kind, words in (
    ("econ", "ECONOMIC,FINANCE,BUSINESS"),
    ("med", "HOSPITAL,MEDICAL,MEDICINE,HEALTH,CLINIC,CANCER,HEART,HLTH,DISEASE,PHARMACEUTICAL,"
            "INSERM,APHP,KAROLINSKA,VETERANS"),
    ("tech", "TECHNOLOGY,TECHNICAL,POLYTECHNIC,TECHNOLOGICAL,ENGINEERING,AERONAUTICS,MARITIME,"
             "ELECTRIC,MINING,PETROLEUM,TEKNOLOGI,ETH "),
    ("agri", "AGRICULTUR,A&F,AGR "),
    ("inst", "ACADEMY,SOCIETY,ASSOCIATION,CNRS,CONSIGLIO,CONSEJO,DEPARTMENT,NASA,RESEARCH,CSIRO,"
             "NIH,EUROPEAN,MINIST,BANK,HELMHOLTZ"),
    ("norm", "NORMAL"))}
_AFFINITY = {
    "med": "CLI 1.6 IMM 1.0 NEU 0.9 PHA 0.8 MOL 0.5 MIC 0.5 PSY 0.5 BIO 0.3 ENG -1.2 MAT -1.8 PHY "
           "-1.8 MATH -2 CS -1.6 ECO -1.6 GEO -2.2 SPA -2.5 AGR -0.9 PLA -1.2 CHE -0.9 ENV -0.6",
    "tech": "ENG 1.0 MAT 1.0 CS 0.9 CHE 0.5 PHY 0.5 MATH 0.3 ENV 0.2 CLI -1.6 IMM -2 NEU -1.6 "
            "PSY -1.6 PHA -1.0 MOL -1.1 MIC -1.1 PLA -1.3 SOC -0.6 ECO -0.5 SPA -0.5 BIO -0.6",
    "agri": "AGR 1.6 PLA 1.4 MIC 0.6 ENV 0.6 BIO 0.3 CLI -1.6 PHY -1.3 MATH -1.3 CS -0.9 SPA -2 "
            "PSY -1.6 NEU -1.6 IMM -0.8 ECO -0.6 MAT -0.6",
    "norm": "MATH 0.5 PSY 0.4 SOC 0.3 CHE 0.2 CLI -1.6 IMM -1.6 SPA -1.6 ENG -0.4 NEU -0.6 "
            "PHA -0.8",
    "econ": "ECO 2.2 SOC 1.3 PSY 0.3 CS -0.3 ENG -1 CHE -2 MAT -2 PHY -2 CLI -2 BIO -2 MOL -2 "
            "IMM -2 NEU -1.5 PHA -2 PLA -2 AGR -1.5 GEO -2 SPA -2.5 MIC -2 MUL -1.5 ENV -1",
    "inst": "SPA 0.8 GEO 0.6 PHY 0.5 MUL 0.5 ENV 0.4 ENG 0.4 CHE 0.5 MAT 0.5 CLI -1.0 IMM -0.5 "
            "NEU -0.5 PSY -1 SOC -0.8 ECO -1",
    "uni": "CLI 0.3 BIO 0.3 MOL 0.3 NEU 0.3 IMM 0.2",
    # By country rather than kind: Chinese institutions publish more in engineering and the
    # physical sciences (and drift upwards between releases, see the trend below).
    "CN": "ENG 0.5 MAT 0.6 CHE 0.4 CS 0.4 ENV 0.3 AGR 0.2 MATH 0.1 CLI -0.4 PSY -0.9 SOC -0.6 "
          "ECO -0.5 NEU -0.5 IMM -0.6 SPA -0.4",
    "EN": "PSY 0.3 SOC 0.3 ECO 0.3 NEU 0.2 IMM 0.2 SPA 0.2",
}

# DUT's story, per field: rank as a fraction of N in the first and last release (linear in
# between), cites per paper relative to the field's, and when listed: "all" releases, "last"
# only (new entry) or "not_last" (drops out); other fields never. So ENG enters the top 1‱
# (rank <= ceil(0.01 N)) in release 2, CHE/MAT/CS stay in the top 1‰, SOC and MATH fall.
_DUT_STORY = {r.split()[0]: (*map(float, r.split()[1:4]), r.split()[4]) for r in _table("""\
ENG .0104 .0083 1.25 all;CHE .024 .020 1.15 all;MAT .037 .033 1.15 all;CS .038 .033 1.5 all;
ENV .142 .128 1.3 all;PHY .51 .48 .9 all;AGR .84 .80 1.3 all;BIO .95 .90 .9 all;
SOC .195 .215 2.0 all;MATH .37 .41 1.1 all;ECO .90 .96 1.1 not_last;CLI .985 .985 .7 last""")}


def demo_institution_aliases() -> tuple[str, ...]:
    """Return other spellings of :data:`DEMO_INSTITUTION` (WoS abbreviation, Chinese name)."""
    return ("DALIAN UNIV TECHNOL", "DALIAN UNIV TECH", "大连理工大学")


def _groups(text: str) -> list[tuple[str, list[str]]]:
    groups: list[tuple[str, list[str]]] = []
    for token in _table(text):
        code, sep, name = token.rpartition("|")
        if sep:
            groups.append((code, []))
        groups[-1][1].append(name)
    return groups


def _kind(name: str) -> str:
    return next((k for k, words in _KIND_WORDS.items() if any(w in name for w in words)), "uni")


def _universe(rng: np.random.Generator) -> tuple[list[str], list[str], np.ndarray]:
    """Return names, country codes and log-sizes of every institution but the demo one."""
    names: list[str] = []
    codes: list[str] = []
    sizes: list[float] = []
    for code, items in _groups(_REAL):
        # The first is the country's research system (CAS, CNRS...): the largest.
        top, span = _COUNTRY_TOP.get(code, 1.4), max(len(items), 8)
        names += items
        codes += [code] * len(items)
        sizes += [top - 1.3 * j / span + 0.6 * (j == 0) for j in range(len(items))]
    seen = set(names) | {DEMO_INSTITUTION}
    generated: list[tuple[str, str]] = []
    for code, cities in _groups(_CITIES):
        style = "CN" if code == "CN" else "EN" if code in _ENGLISH else "XX"
        for city in cities:
            for name in (pattern.format(city) for pattern in _PATTERNS[style]):
                if name not in seen:
                    seen.add(name)
                    generated.append((name, code))
    # Shuffle so that a city's institutions are not all equally strong.
    order = rng.permutation(len(generated))
    names += [generated[i][0] for i in order]
    codes += [generated[i][1] for i in order]
    size = np.concatenate([np.array(sizes) + rng.normal(0, 0.15, len(sizes)),
                           rng.normal(-1.0, 0.4, len(generated))])
    return names, codes, size


def _affinity(spec: str) -> dict[str, float]:
    parts = spec.split()
    return {parts[i]: float(parts[i + 1]) for i in range(0, len(parts), 2)}


def _cites_curve(n: int, threshold: float, ratio: float) -> np.ndarray:
    """Return cites by rank 1..n: ``threshold`` at rank n, ``threshold * ratio`` at rank 1."""
    # In the samples ln(cites / threshold) / ln(ratio) against rank / N is nearly the same
    # curve in every field: about 0.73 at 1 %, 0.46 at 10 % and 0.17 at 50 % of the list.
    knots = [math.log(1 / n), math.log(0.01), math.log(0.1), math.log(0.5), 0.0]
    share = np.interp(np.log(np.arange(1, n + 1) / n), knots, [1.0, 0.73, 0.46, 0.17, 0.0])
    return threshold * ratio**share


def _competition_ranks(cites: list[int]) -> list[int]:
    # Ties share a rank and the next rank is skipped ("861","861","863"), as ESI does.
    ranks: list[int] = []
    for i, value in enumerate(cites):
        ranks.append(ranks[-1] if i and value == cites[i - 1] else i + 1)
    return ranks


def _row(rank: int, name: str, country: str, docs: int, cites: int, top: int) -> str:
    # ESI quotes every cell except an empty country, which it leaves as ",,". Cites/Paper
    # is Python's float formatting: it reproduces every value in the real samples.
    place = f'"{country}"' if country else ""
    return f'"{rank}","{name}",{place},"{docs}","{cites}","{cites / docs:.2f}","{top}"'


def _dut_rank(story: tuple[float, float, float, str], t: int, n_rel: int, n: int) -> int | None:
    start, end, _, presence = story
    last = t == n_rel - 1
    if (presence == "last" and not last) or (presence == "not_last" and last and n_rel > 1):
        return None
    frac = start + (end - start) * (t / (n_rel - 1) if n_rel > 1 else 0.0)
    return min(max(2, round(frac * n)), n - 1)


def write_demo_esi_exports(
    out_dir: Path, seed: int = 20251125, releases: tuple[str, ...] = DEMO_RELEASES
) -> list[tuple[Path, str]]:
    """Write one CSV per field and release; return (path, release_label) pairs.

    Parameters
    ----------
    out_dir : Path
        Files go to ``out_dir/<release>/1.csv`` ... ``22.csv`` in a shuffled field order:
        as with files users save from ESI, only the title line names the field.
    seed : int
        Seed of the random generator: the same seed gives byte-identical files.
    releases : tuple of str
        Release labels, oldest first. Lists grow about 1 % per release.

    Returns
    -------
    list of (Path, str)
        Every written file with its release label, in release then file order.
    """
    rng = np.random.default_rng(seed)
    names, codes, size = _universe(rng)
    countries = [_COUNTRIES[c] for c in codes]
    kinds = [_kind(n) for n in names]
    aff = {k: _affinity(v) for k, v in _AFFINITY.items()}
    is_cn = np.array([c == "CN" for c in codes])
    is_en = np.array([c in _ENGLISH or c in ("SC", "WA") for c in codes])
    # Each institution keeps a trend across fields (Chinese ones rising), so ranks move
    # a little from release to release instead of being reshuffled.
    trend = rng.normal(0.0, 0.02, len(names)) + 0.02 * is_cn
    fields = esi_fields()
    n_rel = len(releases)
    rows: list[list[list[str]]] = [[[] for _ in fields] for _ in releases]
    for fi, field in enumerate(fields):
        n0, threshold0, ratio, cpp = _FIELD_PARAMS[field.code]
        shift = np.array([aff[k].get(field.code, 0.0) for k in kinds])
        base = (size + shift + is_cn * aff["CN"].get(field.code, 0.0)
                + is_en * aff["EN"].get(field.code, 0.0) + rng.normal(0, 0.3, len(names)))
        steps = np.cumsum(rng.normal(0, 0.025, (n_rel, len(names))), axis=0)
        inst_cpp = cpp * np.exp(rng.normal(0, 0.3, len(names)))
        top_noise = np.exp(rng.normal(0, 0.3, len(names)))
        story = _DUT_STORY.get(field.code)
        for t in range(n_rel):
            n = round(n0 * 1.01**t)
            threshold = threshold0 * 1.02**t
            score = base + steps[t] + trend * t
            order = np.argsort(-score, kind="stable")
            dut_rank = _dut_rank(story, t, n_rel, n) if story else None
            chosen = order[: n - 1] if dut_rank else order[:n]
            # Scores only set the order; the values follow the field's curve (leaving DUT's
            # place free), with a little noise so that neighbours may swap.
            curve = _cites_curve(n, threshold, ratio)
            if dut_rank:
                curve = np.delete(curve, dut_rank - 1)
            cites = np.rint(curve * np.exp(rng.normal(0, 0.03, len(chosen)))).astype(int)
            # Cites per paper drift a little between releases, as the window moves.
            paper_cpp = inst_cpp[chosen] * np.exp(rng.normal(0.01, 0.03, len(chosen)))
            docs = np.maximum(1, np.rint(cites / paper_cpp)).astype(int)
            tops = rng.poisson(cites * top_noise[chosen] / 1100.0)
            entries = [(int(c), names[i], countries[i], int(d), int(p))
                       for c, i, d, p in zip(cites, chosen, docs, tops)]
            entries.sort(key=lambda e: (-e[0], e[1]))
            if story and dut_rank:
                # Place DUT above the holder of its target rank, at most level with the one above.
                above, below = entries[dut_rank - 2][0], entries[dut_rank - 1][0]
                dut_cites = below + max(1, (above - below) // 2) if above > below else above
                dut_docs = max(1, round(dut_cites / (cpp * story[2] * (1 + 0.03 * t))))
                entries.append((dut_cites, DEMO_INSTITUTION, _COUNTRIES["CN"], dut_docs,
                                int(rng.poisson(dut_cites / 1000.0))))
                entries.sort(key=lambda e: (-e[0], e[1]))
            ranks = _competition_ranks([e[0] for e in entries])
            rows[t][fi] = [_row(r, e[1], e[2], e[3], e[0], e[4]) for r, e in zip(ranks, entries)]
    written: list[tuple[Path, str]] = []
    for t, release in enumerate(releases):
        folder = Path(out_dir) / release
        folder.mkdir(parents=True, exist_ok=True)
        # Users save exports in any order under meaningless names; shuffle to show it.
        for number, fi in enumerate(rng.permutation(len(fields)), start=1):
            lines = [_TITLE.format(field=fields[fi].name_en), _HEADER, *rows[t][fi], _FOOTER]
            path = folder / f"{number}.csv"
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write("\n".join(lines))  # ESI ends the file without a newline
            written.append((path, release))
    return written
