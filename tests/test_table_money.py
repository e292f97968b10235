"""Table tests for money extraction (rules-only pipeline).

Every convention and trap of /work/shared/PHRASEBOOK.md "Money", with spans and values as
corpus/ANNOTATION.md (project decisions) fixes them: amounts are exact Decimals in currency units,
currencies are ISO 4217 codes, a qualifier is part of the span, a range has min/max and no amount,
a converted equivalent in brackets is its own record (without the brackets) whose
`equivalent_of` is the start offset of the amount it translates.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from conftest import project

FIELDS = ("text", "amount", "min", "max", "currency", "qualifier", "equivalent_of", "role")


def money(
    text: str,
    currency: str,
    amount: str | None = None,
    *,
    lo: str | None = None,
    hi: str | None = None,
    qualifier: str | None = None,
    equivalent_of: str | None = None,
    role: str | None = None,
) -> dict[str, Any]:
    """The expected fields of one money record.

    Amounts are given as strings and compared as Decimals. `equivalent_of` is given as the text
    of the record it translates and resolved to that record's start offset by the test.
    """
    return {
        "text": text,
        "amount": None if amount is None else Decimal(amount),
        "min": None if lo is None else Decimal(lo),
        "max": None if hi is None else Decimal(hi),
        "currency": currency,
        "qualifier": qualifier,
        "equivalent_of": equivalent_of,
        "role": role,
    }


CASES = [
    # --- dollars: symbols and codes ------------------------------------------------------
    pytest.param(
        "Tesla will spend $3.6 billion on two new factories in Nevada.",
        [money("$3.6 billion", "USD", "3600000000")],
        id="dollar-sign-billion",
    ),
    pytest.param(
        "The plant in Kentucky cost US$420 million to build.",
        [money("US$420 million", "USD", "420000000")],
        id="us-dollar-sign",
    ),
    pytest.param(
        "Lenders arranged US$0.8 billion of project financing.",
        [money("US$0.8 billion", "USD", "800000000")],
        id="us-dollar-decimal-below-one",
    ),
    pytest.param(
        "The group raised USD 2 billion in green bonds.",
        [money("USD 2 billion", "USD", "2000000000")],
        id="usd-code-before",
    ),
    pytest.param(
        "The supply deal is worth 2 billion USD, people familiar with it said.",
        [money("2 billion USD", "USD", "2000000000")],
        id="usd-code-after",
    ),
    pytest.param(
        "The startup has raised 3 billion dollars since its founding.",
        [money("3 billion dollars", "USD", "3000000000")],
        id="dollars-word",
    ),
    pytest.param(
        "The buyer will also get a $7,500 tax credit.",
        [money("$7,500", "USD", "7500")],
        id="dollar-thousands-separator-no-scale",
    ),
    pytest.param(
        "The cheapest version costs $34,990 before incentives.",
        [money("$34,990", "USD", "34990")],
        id="dollar-price",
    ),
    pytest.param(
        "The miner agreed to pay $1.25 billion for the lithium project.",
        [money("$1.25 billion", "USD", "1250000000")],
        id="dollar-two-decimals",
    ),
    # --- other dollars -------------------------------------------------------------------
    pytest.param(
        "The Hong Kong-listed supplier raised HK$2 billion in a placement.",
        [money("HK$2 billion", "HKD", "2000000000")],
        id="hong-kong-dollar",
    ),
    pytest.param(
        "Canberra pledged A$500 million for battery manufacturing.",
        [money("A$500 million", "AUD", "500000000")],
        id="australian-dollar",
    ),
    pytest.param(
        "Ontario will contribute C$1.3 billion to the cell plant.",
        [money("C$1.3 billion", "CAD", "1300000000")],
        id="canadian-dollar",
    ),
    pytest.param(
        "The Singapore fund invested S$200 million in the recycler.",
        [money("S$200 million", "SGD", "200000000")],
        id="singapore-dollar",
    ),
    pytest.param(
        "The Taiwanese cell maker plans to spend NT$10 billion on a new line.",
        [money("NT$10 billion", "TWD", "10000000000")],
        id="new-taiwan-dollar",
    ),
    # --- euro and pound ------------------------------------------------------------------
    pytest.param(
        "The Swedish cell maker secured €500m from a state bank.",
        [money("€500m", "EUR", "500000000")],
        id="euro-glued-m",
    ),
    pytest.param(
        "Brussels approved EUR 1.5 billion of state aid for the project.",
        [money("EUR 1.5 billion", "EUR", "1500000000")],
        id="eur-code-before",
    ),
    pytest.param(
        "The region granted 500 million EUR in subsidies.",
        [money("500 million EUR", "EUR", "500000000")],
        id="eur-code-after",
    ),
    pytest.param(
        "The carmaker took a 1.2 billion euro loan from the European Investment Bank.",
        [money("1.2 billion euro", "EUR", "1200000000")],
        id="euro-word-singular-adjective",
    ),
    pytest.param(
        "The recycler attracted two million euros from local investors.",
        [money("two million euros", "EUR", "2000000")],
        id="number-word-euros",
    ),
    pytest.param(
        "The UK will put £100 million into a battery research institute.",
        [money("£100 million", "GBP", "100000000")],
        id="pound-sign",
    ),
    pytest.param(
        "The council awarded GBP 45m to the gigafactory scheme.",
        [money("GBP 45m", "GBP", "45000000")],
        id="gbp-code-m",
    ),
    pytest.param(
        "The startup raised 10 million pounds in its latest round.",
        [money("10 million pounds", "GBP", "10000000")],
        id="pounds-word",
    ),
    # --- yuan ----------------------------------------------------------------------------
    pytest.param(
        "The Fujian company will invest RMB 10 billion in a cathode plant.",
        [money("RMB 10 billion", "CNY", "10000000000")],
        id="rmb-code-spaced",
    ),
    pytest.param(
        "Sales rose to RMB1.5bn in the quarter.",
        [money("RMB1.5bn", "CNY", "1500000000")],
        id="rmb-glued-bn",
    ),
    pytest.param(
        "The battery maker plans to invest 30 billion yuan in Sichuan.",
        [money("30 billion yuan", "CNY", "30000000000")],
        id="yuan-word",
    ),
    pytest.param(
        "The carmaker issued CNY 3 billion of bonds.",
        [money("CNY 3 billion", "CNY", "3000000000")],
        id="cny-code",
    ),
    pytest.param(
        "Chinese battery maker Gotion will invest ¥20 billion in a plant in Anhui province.",
        [money("¥20 billion", "CNY", "20000000000")],
        id="yen-sign-in-chinese-context-is-cny",
    ),
    pytest.param(
        "The new sedan starts at 149,800 yuan in China.",
        [money("149,800 yuan", "CNY", "149800")],
        id="yuan-price-thousands-separator",
    ),
    pytest.param(
        "Buyers get a subsidy of 20 thousand yuan per car.",
        [money("20 thousand yuan", "CNY", "20000")],
        id="thousand-word",
    ),
    pytest.param(
        "The lithium refiner posted a profit of 1.5 bln yuan.",
        [money("1.5 bln yuan", "CNY", "1500000000")],
        id="bln-yuan",
    ),
    pytest.param(
        "The city will put five billion yuan into a battery fund.",
        [money("five billion yuan", "CNY", "5000000000")],
        id="number-word-five-billion-yuan",
    ),
    pytest.param(
        "Revenue rose to 400 billion yuan while net profit reached 50 billion yuan.",
        [
            money("400 billion yuan", "CNY", "400000000000"),
            money("50 billion yuan", "CNY", "50000000000"),
        ],
        id="two-amounts-one-sentence",
    ),
    # --- won -----------------------------------------------------------------------------
    pytest.param(
        "The three Korean cell makers will invest 13 trillion won at home.",
        [money("13 trillion won", "KRW", "13000000000000")],
        id="won-word-trillion",
    ),
    pytest.param(
        "The Seoul-based firm booked KRW 1.2 trillion in orders.",
        [money("KRW 1.2 trillion", "KRW", "1200000000000")],
        id="krw-code",
    ),
    pytest.param(
        "The cathode maker will spend 3 tln won on a new plant.",
        [money("3 tln won", "KRW", "3000000000000")],
        id="tln-won",
    ),
    pytest.param(
        "Operating profit reached KRW 2.1trn in the third quarter.",
        [money("KRW 2.1trn", "KRW", "2100000000000")],
        id="krw-glued-trn",
    ),
    pytest.param(
        "Samsung SDI won a 1.2 trillion won order from a European carmaker.",
        [money("1.2 trillion won", "KRW", "1200000000000")],
        id="won-verb-and-won-currency",
    ),
    pytest.param(
        "The group set aside one trillion won for research.",
        [money("one trillion won", "KRW", "1000000000000")],
        id="number-word-one-trillion-won",
    ),
    # --- yen -----------------------------------------------------------------------------
    pytest.param(
        "Japanese automaker Toyota will spend ¥1.5tn on batteries in Japan.",
        [money("¥1.5tn", "JPY", "1500000000000")],
        id="yen-sign-in-japanese-context-glued-tn",
    ),
    pytest.param(
        "Panasonic will invest 500 billion yen in its Osaka battery operations.",
        [money("500 billion yen", "JPY", "500000000000")],
        id="yen-word",
    ),
    pytest.param(
        "The Tokyo ministry budgeted JPY 30 billion for cell research.",
        [money("JPY 30 billion", "JPY", "30000000000")],
        id="jpy-code",
    ),
    # --- rupees, crore, lakh -------------------------------------------------------------
    pytest.param(
        "The Indian conglomerate will invest Rs 4,500 crore in a cell plant in Gujarat.",
        [money("Rs 4,500 crore", "INR", "45000000000")],
        id="rs-crore-thousands",
    ),
    pytest.param(
        "The state offered Rs. 500 crore in incentives.",
        [money("Rs. 500 crore", "INR", "5000000000")],
        id="rs-dot-crore",
    ),
    pytest.param(
        "The scooter maker raised Rs800 crore from investors.",
        [money("Rs800 crore", "INR", "8000000000")],
        id="rs-glued-crore",
    ),
    pytest.param(
        "The company has earmarked ₹1,200 crore for battery cells.",
        [money("₹1,200 crore", "INR", "12000000000")],
        id="rupee-sign-crore",
    ),
    pytest.param(
        "The firm received INR 800 crore under the production-linked incentive scheme.",
        [money("INR 800 crore", "INR", "8000000000")],
        id="inr-code-crore",
    ),
    pytest.param(
        "The Pune startup will spend 2,000 crore rupees on expansion.",
        [money("2,000 crore rupees", "INR", "20000000000")],
        id="crore-rupees-word",
    ),
    pytest.param(
        "Each charging hub costs about Rs 50 lakh.",
        [money("about Rs 50 lakh", "INR", "5000000", qualifier="about")],
        id="rs-lakh",
    ),
    pytest.param(
        "The programme could draw ₹1.5 lakh crore of investment.",
        [money("₹1.5 lakh crore", "INR", "1500000000000")],
        id="lakh-crore",
    ),
    # --- scale abbreviations -------------------------------------------------------------
    pytest.param(
        "The Nevada plant will cost $1.2bn.",
        [money("$1.2bn", "USD", "1200000000")],
        id="glued-bn",
    ),
    pytest.param(
        "The fund closed at $300mn.",
        [money("$300mn", "USD", "300000000")],
        id="glued-mn",
    ),
    pytest.param(
        "The recycler raised $500 mln in a private round.",
        [money("$500 mln", "USD", "500000000")],
        id="spaced-mln",
    ),
    pytest.param(
        "The charging network raised $50M in a Series B round.",
        [money("$50M", "USD", "50000000")],
        id="glued-capital-m",
    ),
    pytest.param(
        "The company is valued at $2b after the round.",
        [money("$2b", "USD", "2000000000")],
        id="glued-lower-b",
    ),
    pytest.param(
        "The startup was last valued at $2.5B.",
        [money("$2.5B", "USD", "2500000000")],
        id="glued-capital-b",
    ),
    pytest.param(
        "The state lender added €0.5bn to the facility.",
        [money("€0.5bn", "EUR", "500000000")],
        id="euro-glued-bn-below-one",
    ),
    pytest.param(
        "The government will spend half a billion dollars on charging.",
        [money("half a billion dollars", "USD", "500000000")],
        id="half-a-billion-dollars",
    ),
    pytest.param(
        "The automaker set aside a billion dollars for its battery venture.",
        [money("a billion dollars", "USD", "1000000000")],
        id="a-billion-dollars",
    ),
    # --- prices per unit -----------------------------------------------------------------
    pytest.param(
        "Average pack prices fell to $139/kWh last year.",
        [money("$139", "USD", "139")],
        id="price-per-kwh",
    ),
    pytest.param(
        "LFP cells now sell for $95 per kilowatt-hour.",
        [money("$95", "USD", "95")],
        id="price-per-kilowatt-hour",
    ),
    # --- ranges --------------------------------------------------------------------------
    pytest.param(
        "The plant will cost $1 billion to $1.5 billion.",
        [money("$1 billion to $1.5 billion", "USD", lo="1000000000", hi="1500000000")],
        id="range-to-both-scaled",
    ),
    pytest.param(
        "The upgrade will cost $1-1.5 billion.",
        [money("$1-1.5 billion", "USD", lo="1000000000", hi="1500000000")],
        id="range-hyphen-shared-scale",
    ),
    pytest.param(
        "The upgrade will cost $1–1.5 billion.",
        [money("$1–1.5 billion", "USD", lo="1000000000", hi="1500000000")],
        id="range-en-dash-shared-scale",
    ),
    pytest.param(
        "The project needs between 3 and 4 billion euros.",
        [
            money(
                "between 3 and 4 billion euros",
                "EUR",
                lo="3000000000",
                hi="4000000000",
                qualifier="between",
            )
        ],
        id="range-between-and-euros",
    ),
    pytest.param(
        "The expansion will cost 3 to 4 billion euros.",
        [money("3 to 4 billion euros", "EUR", lo="3000000000", hi="4000000000")],
        id="range-to-shared-scale-words",
    ),
    pytest.param(
        "Spending will rise from $2 billion to $3 billion.",
        [
            money(
                "from $2 billion to $3 billion",
                "USD",
                lo="2000000000",
                hi="3000000000",
                qualifier="from",
            )
        ],
        id="range-from-to",
    ),
    pytest.param(
        "Analysts expect a bid of between $3 billion and $4 billion.",
        [
            money(
                "between $3 billion and $4 billion",
                "USD",
                lo="3000000000",
                hi="4000000000",
                qualifier="between",
            )
        ],
        id="range-between-both-scaled",
    ),
    pytest.param(
        "The site will cost €2bn-€3bn, the company said.",
        [money("€2bn-€3bn", "EUR", lo="2000000000", hi="3000000000")],
        id="range-glued-both-symbols",
    ),
    pytest.param(
        "Each phase will cost $300-$400 million.",
        [money("$300-$400 million", "USD", lo="300000000", hi="400000000")],
        id="range-symbol-repeated-shared-scale",
    ),
    pytest.param(
        "The project will need Rs 2,000-3,000 crore.",
        [money("Rs 2,000-3,000 crore", "INR", lo="20000000000", hi="30000000000")],
        id="range-crore",
    ),
    # --- qualifiers ----------------------------------------------------------------------
    pytest.param(
        "The plant will cost about $2 billion.",
        [money("about $2 billion", "USD", "2000000000", qualifier="about")],
        id="qualifier-about",
    ),
    pytest.param(
        "The three firms will invest more than 10 trillion won.",
        [
            money(
                "more than 10 trillion won",
                "KRW",
                "10000000000000",
                qualifier="more than",
            )
        ],
        id="qualifier-more-than",
    ),
    pytest.param(
        "The carmaker reported a loss of just under $2.4 billion.",
        [money("just under $2.4 billion", "USD", "2400000000", qualifier="just under")],
        id="qualifier-just-under",
    ),
    pytest.param(
        "The loan guarantee covers up to €3 billion.",
        [money("up to €3 billion", "EUR", "3000000000", qualifier="up to")],
        id="qualifier-up-to",
    ),
    pytest.param(
        "The writedown totals nearly $1 billion.",
        [money("nearly $1 billion", "USD", "1000000000", qualifier="nearly")],
        id="qualifier-nearly",
    ),
    pytest.param(
        "Britain has committed over £500 million to the scheme.",
        [money("over £500 million", "GBP", "500000000", qualifier="over")],
        id="qualifier-over",
    ),
    pytest.param(
        "The province will invest roughly 30 billion yuan.",
        [money("roughly 30 billion yuan", "CNY", "30000000000", qualifier="roughly")],
        id="qualifier-roughly",
    ),
    pytest.param(
        "The buyer will pay at least $2 billion.",
        [money("at least $2 billion", "USD", "2000000000", qualifier="at least")],
        id="qualifier-at-least",
    ),
    pytest.param(
        "The Japanese battery maker will spend around ¥100 billion in Japan.",
        [money("around ¥100 billion", "JPY", "100000000000", qualifier="around")],
        id="qualifier-around-yen",
    ),
    pytest.param(
        "Exports reached almost 2 trillion won.",
        [money("almost 2 trillion won", "KRW", "2000000000000", qualifier="almost")],
        id="qualifier-almost",
    ),
    pytest.param(
        "The deal is worth less than $1 billion.",
        [money("less than $1 billion", "USD", "1000000000", qualifier="less than")],
        id="qualifier-less-than",
    ),
    pytest.param(
        "The order is valued at approximately $750 million.",
        [
            money(
                "approximately $750 million",
                "USD",
                "750000000",
                qualifier="approximately",
            )
        ],
        id="qualifier-approximately",
    ),
    pytest.param(
        "The company paid just over $1 billion for the stake.",
        [money("just over $1 billion", "USD", "1000000000", qualifier="just over")],
        id="qualifier-just-over",
    ),
    pytest.param(
        "More than $1 billion has flowed into solid-state startups.",
        [money("More than $1 billion", "USD", "1000000000", qualifier="more than")],
        id="qualifier-capitalised-lower-cased",
    ),
    # --- converted equivalents in brackets -----------------------------------------------
    pytest.param(
        "The company will invest 20 billion yuan ($2.8 billion) in the base.",
        [
            money("20 billion yuan", "CNY", "20000000000"),
            money("$2.8 billion", "USD", "2800000000", equivalent_of="20 billion yuan"),
        ],
        id="equivalent-dollar-after-yuan",
    ),
    pytest.param(
        "The Korean group will spend 1.5 trillion won (US$1.1 billion) on a US plant.",
        [
            money("1.5 trillion won", "KRW", "1500000000000"),
            money("US$1.1 billion", "USD", "1100000000", equivalent_of="1.5 trillion won"),
        ],
        id="equivalent-us-dollar-after-won",
    ),
    pytest.param(
        "The scheme is worth Rs 18,100 crore (about $2.4 billion).",
        [
            money("Rs 18,100 crore", "INR", "181000000000"),
            money(
                "about $2.4 billion",
                "USD",
                "2400000000",
                qualifier="about",
                equivalent_of="Rs 18,100 crore",
            ),
        ],
        id="equivalent-with-qualifier-after-crore",
    ),
    pytest.param(
        "The German carmaker will spend €2 billion ($2.2 billion) on cells.",
        [
            money("€2 billion", "EUR", "2000000000"),
            money("$2.2 billion", "USD", "2200000000", equivalent_of="€2 billion"),
        ],
        id="equivalent-dollar-after-euro",
    ),
    pytest.param(
        "The Japanese supplier will invest ¥500 billion ($3.4 billion) in Japan.",
        [
            money("¥500 billion", "JPY", "500000000000"),
            money("$3.4 billion", "USD", "3400000000", equivalent_of="¥500 billion"),
        ],
        id="equivalent-dollar-after-yen-sign",
    ),
    pytest.param(
        "The fund holds about 10 billion yuan (roughly $1.4 billion).",
        [
            money("about 10 billion yuan", "CNY", "10000000000", qualifier="about"),
            money(
                "roughly $1.4 billion",
                "USD",
                "1400000000",
                qualifier="roughly",
                equivalent_of="about 10 billion yuan",
            ),
        ],
        id="equivalent-both-qualified",
    ),
    pytest.param(
        "The US unit will invest $1.4 billion (10 billion yuan) in Michigan.",
        [
            money("$1.4 billion", "USD", "1400000000"),
            money("10 billion yuan", "CNY", "10000000000", equivalent_of="$1.4 billion"),
        ],
        id="equivalent-yuan-after-dollar",
    ),
    pytest.param(
        "The second phase will cost 3-4 billion euros ($3.3-4.4 billion).",
        [
            money("3-4 billion euros", "EUR", lo="3000000000", hi="4000000000"),
            money(
                "$3.3-4.4 billion",
                "USD",
                lo="3300000000",
                hi="4400000000",
                equivalent_of="3-4 billion euros",
            ),
        ],
        id="equivalent-range",
    ),
    pytest.param(
        "Revenue rose to $5 billion (up from $4 billion a year earlier).",
        [
            money("$5 billion", "USD", "5000000000"),
            money("$4 billion", "USD", "4000000000"),
        ],
        id="bracketed-comparison-is-not-an-equivalent",
    ),
    # --- country prefixes apart from the dollar sign ------------------------------------
    pytest.param(
        "Revenue grew to HK $3.7 billion (US $473 million).",
        [
            money("HK $3.7 billion", "HKD", "3700000000"),
            money("US $473 million", "USD", "473000000", equivalent_of="HK $3.7 billion"),
        ],
        id="spaced-hk-and-us-prefixes",
    ),
    pytest.param(
        "The province lent C $16.4 million and AU $ 2 billion came from Canberra.",
        [money("C $16.4 million", "CAD", "16400000"), money("AU $ 2 billion", "AUD", "2000000000")],
        id="spaced-c-and-au-prefixes",
    ),
    pytest.param(
        "The Model S $79,990 trim sells well.",
        [money("$79,990", "USD", "79990")],
        id="letter-before-dollar-is-not-a-prefix",
    ),
    pytest.param(
        "It took a $500 million loan.",
        [money("$500 million", "USD", "500000000")],
        id="article-a-before-dollar-is-not-australian",
    ),
    # --- currencies beyond the old hand list ---------------------------------------------
    pytest.param(
        "The Israeli start-up raised 5 billion shekels and the Polish plant cost 2 billion zloty.",
        [money("5 billion shekels", "ILS", "5000000000"), money("2 billion zloty", "PLN", "2000000000")],
        id="shekels-and-zloty",
    ),
    pytest.param(
        "Tickets cost 100 Kč in Prague and ₪40 in Tel Aviv.",
        [money("100 Kč", "CZK", "100"), money("₪40", "ILS", "40")],
        id="koruna-and-shekel-symbols",
    ),
    pytest.param(
        "The grid operator will spend 4 billion roubles and 10 billion forints.",
        [money("4 billion roubles", "RUB", "4000000000"), money("10 billion forints", "HUF", "10000000000")],
        id="roubles-and-forints",
    ),
    # --- amount grammar ------------------------------------------------------------------
    pytest.param(
        "The Ola S1 X starts at ₹1,39,999 in India.",
        [money("₹1,39,999", "INR", "139999")],
        id="lakh-digit-grouping",
    ),
    pytest.param(
        "Its market value reached $2.174T on Friday.",
        [money("$2.174T", "USD", "2174000000000")],
        id="glued-capital-t-trillion",
    ),
    pytest.param(
        "Tickets cost eight or nine euros.",
        [money("eight", "EUR", "8"), money("nine euros", "EUR", "9")],
        id="elliptical-or-number-words",
    ),
    pytest.param(
        "The plan needs 3 or 4 billion won.",
        [money("3", "KRW", "3000000000"), money("4 billion won", "KRW", "4000000000")],
        id="elliptical-or-shared-scale",
    ),
    pytest.param(
        "Tickets cost 8 or 9 GWh.",
        [],
        id="elliptical-needs-a-currency",
    ),
    pytest.param(
        "Prices range from $800,000 to $1.3 million.",
        [money("from $800,000 to $1.3 million", "USD", lo="800000", hi="1300000", qualifier="from")],
        id="from-to-range-keeps-both-bounds",
    ),
    pytest.param(
        "Debt increased by $43.6 billion to $419.2 billion.",
        [
            money("$43.6 billion", "USD", "43600000000", role="change"),
            money("$419.2 billion", "USD", "419200000000", role="level"),
        ],
        id="change-by-x-to-y-is-two-amounts",
    ),
    pytest.param(
        "Sales rose by US$1 billion to US$5 billion.",
        [
            money("US$1 billion", "USD", "1000000000", role="change"),
            money("US$5 billion", "USD", "5000000000", role="level"),
        ],
        id="role-rose-by-x-to-y",
    ),
    pytest.param(
        "Revenue fell by 3 billion yuan to 10 billion yuan.",
        [
            money("3 billion yuan", "CNY", "3000000000", role="change"),
            money("10 billion yuan", "CNY", "10000000000", role="level"),
        ],
        id="role-currency-after-the-number",
    ),
    pytest.param(
        "Debt increased by €4 billion to €9 billion (US$10 billion).",
        [
            money("€4 billion", "EUR", "4000000000", role="change"),
            money("€9 billion", "EUR", "9000000000", role="level"),
            money("US$10 billion", "USD", "10000000000", equivalent_of="€9 billion", role="level"),
        ],
        id="role-of-an-equivalent-is-what-it-converts",
    ),
    pytest.param(
        "Debt increased by €4 billion (US$4.4 billion) to €9 billion.",
        [
            money("€4 billion", "EUR", "4000000000", role="change"),
            money("US$4.4 billion", "USD", "4400000000", equivalent_of="€4 billion", role="change"),
            money("€9 billion", "EUR", "9000000000", role="level"),
        ],
        id="role-change-with-its-equivalent-before-to",
    ),
    pytest.param(
        "Revenue fell $3 billion to $10 billion.",
        [money("$3 billion to $10 billion", "USD", lo="3000000000", hi="10000000000")],
        id="role-none-without-by-a-range",
    ),
    pytest.param(
        "Debt rose from $1 billion to $2 billion.",
        [money("from $1 billion to $2 billion", "USD", lo="1000000000", hi="2000000000", qualifier="from")],
        id="role-none-for-a-from-to-range",
    ),
    pytest.param(
        "Sales grew by $5 billion last year.",
        [money("$5 billion", "USD", "5000000000")],
        id="role-none-for-by-x-alone",
    ),
    pytest.param(
        "It was backed by $5 billion. To $9 billion it rose later.",
        [money("$5 billion", "USD", "5000000000"), money("$9 billion", "USD", "9000000000")],
        id="role-none-across-sentences",
    ),
    pytest.param(
        "Spending will rise to $3 billion to $4 billion.",
        [money("$3 billion to $4 billion", "USD", lo="3000000000", hi="4000000000")],
        id="to-range-without-by-stays-a-range",
    ),
    pytest.param(
        "Net loss was (US$99.99) in the quarter.",
        [money("(US$99.99)", "USD", "-99.99")],
        id="bracketed-negative-after-copula",
    ),
    pytest.param(
        "| Net income | (US$99.99) | US$12.50 |",
        [money("(US$99.99)", "USD", "-99.99"), money("US$12.50", "USD", "12.50")],
        id="bracketed-negative-in-a-table-row",
    ),
    pytest.param(
        "The grant (€5m) came late.",
        [money("€5m", "EUR", "5000000")],
        id="bracketed-aside-is-not-negative",
    ),
    pytest.param(
        "Eggs sold for 64.2 cents a dozen.",
        [money("64.2 cents", "USD", "0.642")],
        id="cents-as-an-amount",
    ),
    pytest.param(
        "Shares were up 19 cents at US$58.24.",
        [money("19 cents", "USD", "0.19"), money("US$58.24", "USD", "58.24")],
        id="cents-change-and-share-price",
    ),
    pytest.param(
        "A pint costs 450 pence in London.",
        [money("450 pence", "GBP", "4.50")],
        id="pence",
    ),
    pytest.param(
        "Shares of the Seoul-based firm closed at 248,500 won.",
        [money("248,500 won", "KRW", "248500")],
        id="share-price-in-won",
    ),
    pytest.param(
        "($1 = 1,424.5 won)",
        [money("$1", "USD", "1"), money("1,424.5 won", "KRW", "1424.5")],
        id="exchange-rate-footer",
    ),
    pytest.param(
        "Total capital cost is put at about £610 million, or roughly £305,000 per megawatt-hour.",
        [
            money("about £610 million", "GBP", "610000000", qualifier="about"),
            money("roughly £305,000", "GBP", "305000", qualifier="roughly"),
        ],
        id="or-amount-in-the-same-currency-is-not-an-equivalent",
    ),
    pytest.param(
        "The plant costs $5 billion (US$3.6 billion).",
        [
            money("$5 billion", "USD", "5000000000"),
            money("US$3.6 billion", "USD", "3600000000", equivalent_of="$5 billion"),
        ],
        id="bare-dollar-and-us-dollar-are-an-equivalent",
    ),
    pytest.param("The team won 3 games in 2019 won by Korea.", [], id="won-verb-after-small-numbers"),
    pytest.param("Tesla's Model 3 won the award.", [], id="won-verb-after-a-model-number"),
    pytest.param("The company hired 500 ALL staff.", [], id="code-that-is-an-english-word"),
    pytest.param("The shop sold 5 gold bars and 3 marks.", [], id="cldr-unit-words-that-are-english"),
    pytest.param("Sales rose 5 per cent.", [], id="per-cent-is-not-cents"),
    # --- negatives -----------------------------------------------------------------------
    pytest.param("The carmaker bought a 15% stake in the cell maker.", [], id="percentage-stake"),
    pytest.param("The brand delivered 1.2 million vehicles last year.", [], id="count-vehicles"),
    pytest.param("Shares rose 4% in Hong Kong trading.", [], id="shares-rose-percent"),
    pytest.param("LG Energy Solution won the contract in March.", [], id="won-verb"),
    pytest.param("The company invested 3 billion in the plant.", [], id="no-currency"),
    pytest.param("The base will produce 500 million cells a year.", [], id="count-cells"),
    pytest.param("The fund sold 1.5 million shares on Monday.", [], id="count-shares"),
    pytest.param("The factory will make 100 GWh of cells.", [], id="capacity-is-not-money"),
    pytest.param("The plant will employ 6,000 people by 2030.", [], id="count-people-and-year"),
    pytest.param(
        "The yen weakened against the dollar on Friday.",
        [],
        id="currency-without-amount",
    ),
    pytest.param("The battery pack weighs 1,200 pounds.", [], id="pounds-as-weight"),
    pytest.param(
        "Li Yuan, the chief financial officer, expects 3 million sales.",
        [],
        id="yuan-as-a-name",
    ),
    pytest.param("Market share climbed to 37.9% in the quarter.", [], id="market-share"),
    pytest.param(
        "The Model 3 and the 4680 cell were both on show.",
        [],
        id="model-and-cell-numbers",
    ),
    pytest.param("The company signed a 20-year supply agreement.", [], id="duration"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_money(run_rules, text: str, expected: list[dict[str, Any]]) -> None:
    expected = [
        {**row, "equivalent_of": text.index(row["equivalent_of"])} if isinstance(row["equivalent_of"], str) else row
        for row in expected
    ]
    record = run_rules(text)
    assert project(record.money, FIELDS) == expected
    for amount in record.money:
        assert amount.text == text[amount.start : amount.end]


ARTICLE = (
    "SEOUL, June 2 (Yonhap) -- The battery maker said on Monday it will invest "
    "1.5 trillion won (US$1.1 billion) in a plant in Georgia, its second in the state. "
    "Shares rose 4% after the announcement.\n\n"
    "The group also agreed to buy a 15% stake in a Chinese cathode supplier for "
    "2 billion yuan, and expects sales of more than $20 billion next year. Analysts put the "
    "cost of the new line at between $300 million and $400 million."
)
ARTICLE_TEXTS = [
    "1.5 trillion won",
    "US$1.1 billion",
    "2 billion yuan",
    "more than $20 billion",
    "between $300 million and $400 million",
]


def test_money_spans_match_article(run_rules) -> None:
    money_records = run_rules(ARTICLE).money
    assert [m.text for m in money_records] == ARTICLE_TEXTS
    for amount in money_records:
        assert ARTICLE[amount.start : amount.end] == amount.text


def test_money_follows_text_order(run_rules) -> None:
    starts = [m.start for m in run_rules(ARTICLE).money]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)


def test_equivalent_of_points_to_a_record_in_the_article(run_rules) -> None:
    money_records = run_rules(ARTICLE).money
    starts = {m.start for m in money_records}
    links = [(m.text, m.equivalent_of) for m in money_records if m.equivalent_of is not None]
    assert links == [("US$1.1 billion", ARTICLE.index("1.5 trillion won"))]
    assert all(target in starts for _, target in links)


def test_repeated_amount_gets_its_own_offsets(run_rules) -> None:
    text = "The first phase costs $2 billion. The second phase also costs $2 billion."
    money_records = run_rules(text).money
    assert [m.text for m in money_records] == ["$2 billion", "$2 billion"]
    assert [m.start for m in money_records] == [
        text.index("$2 billion"),
        text.rindex("$2 billion"),
    ]


def test_offsets_are_character_offsets_after_non_ascii(run_rules) -> None:
    text = "“Zoë’s team — in Ōsaka — needs €40m,” she said."
    (amount,) = run_rules(text).money
    assert amount.text == "€40m"
    assert text[amount.start : amount.end] == "€40m"
    assert amount.start == text.index("€40m")
