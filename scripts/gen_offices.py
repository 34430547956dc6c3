#!/usr/bin/env python3
"""Writes index-schema/offices.tsv: who held which office from when to when.

No package on the registries reachable here ships heads of state or
government with dates (checked: PyPI, npm, Debian; `everypolitician` fetches
its data from the web at run time), so the terms below are hand-compiled from
the public record (official lists of office holders) by the communique
project and released under CC0 1.0. Dates are the day the holder took office
and the day the next one did (an end left empty: still in office at the time
of writing). Acting holders between two confirmed ones are left out, so an
article of those days infers nobody.

Coverage (partial against issue 15's list): US president, vice president,
secretaries of state, defense and the treasury, national security advisers,
UN ambassadors; UN and NATO secretaries-general; heads of state or
government of Russia (and the Soviet Union), China, the United Kingdom,
France, Germany (and West Germany), Japan, India, Canada, Turkey, North and
South Korea, Iran, Israel, Ukraine, Syria, Egypt and Saudi Arabia; foreign
ministers of Russia, China, the UK, France, Germany, Iran and (since 2011/2013)
Japan and South Korea.

Holder names are checked against index-schema/gazetteer/people.tsv so that a
holder is the same canonical person the people extraction finds.

    python3 scripts/gen_offices.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "index-schema", "offices.tsv")
PEOPLE = os.path.join(HERE, "..", "index-schema", "gazetteer", "people.tsv")

# office: [(holder, start, end)], end "" while in office.
TERMS = """
President of United States
Ronald Reagan	1981-01-20	1989-01-20
George H. W. Bush	1989-01-20	1993-01-20
Bill Clinton	1993-01-20	2001-01-20
George W. Bush	2001-01-20	2009-01-20
Barack Obama	2009-01-20	2017-01-20
Donald Trump	2017-01-20	2021-01-20
Joe Biden	2021-01-20	2025-01-20
Donald Trump	2025-01-20

Vice President of United States
George H. W. Bush	1981-01-20	1989-01-20
Dan Quayle	1989-01-20	1993-01-20
Al Gore	1993-01-20	2001-01-20
Dick Cheney	2001-01-20	2009-01-20
Joe Biden	2009-01-20	2017-01-20
Mike Pence	2017-01-20	2021-01-20
Kamala Harris	2021-01-20	2025-01-20
JD Vance	2025-01-20

Secretary of State of United States
George Shultz	1982-07-16	1989-01-20
James Baker	1989-01-25	1992-08-23
Lawrence Eagleburger	1992-12-08	1993-01-20
Warren Christopher	1993-01-20	1997-01-17
Madeleine Albright	1997-01-23	2001-01-20
Colin Powell	2001-01-20	2005-01-26
Condoleezza Rice	2005-01-26	2009-01-20
Hillary Clinton	2009-01-21	2013-02-01
John Kerry	2013-02-01	2017-01-20
Rex Tillerson	2017-02-01	2018-03-31
Mike Pompeo	2018-04-26	2021-01-20
Antony Blinken	2021-01-26	2025-01-20
Marco Rubio	2025-01-21

Secretary of Defense of United States
Caspar Weinberger	1981-01-21	1987-11-23
Frank Carlucci	1987-11-23	1989-01-20
Dick Cheney	1989-03-21	1993-01-20
Les Aspin	1993-01-20	1994-02-03
William Perry	1994-02-03	1997-01-23
William Cohen	1997-01-24	2001-01-20
Donald Rumsfeld	2001-01-20	2006-12-18
Robert Gates	2006-12-18	2011-06-30
Leon Panetta	2011-07-01	2013-02-26
Chuck Hagel	2013-02-27	2015-02-17
Ash Carter	2015-02-17	2017-01-20
Jim Mattis	2017-01-20	2019-01-01
Mark Esper	2019-07-23	2020-11-09
Lloyd Austin	2021-01-22	2025-01-20
Pete Hegseth	2025-01-25

Secretary of the Treasury of United States
Donald Regan	1981-01-22	1985-02-01
James Baker	1985-02-04	1988-08-17
Nicholas Brady	1988-09-15	1993-01-17
Lloyd Bentsen	1993-01-20	1994-12-22
Robert Rubin	1995-01-11	1999-07-02
Lawrence Summers	1999-07-02	2001-01-20
Paul O'Neill	2001-01-20	2002-12-31
John Snow	2003-02-03	2006-06-30
Henry Paulson	2006-07-10	2009-01-20
Timothy Geithner	2009-01-26	2013-01-25
Jack Lew	2013-02-28	2017-01-20
Steven Mnuchin	2017-02-13	2021-01-20
Janet Yellen	2021-01-26	2025-01-20
Scott Bessent	2025-01-28

National Security Adviser of United States
Robert McFarlane	1983-10-17	1985-12-04
John Poindexter	1985-12-04	1986-11-25
Frank Carlucci	1986-12-02	1987-11-23
Colin Powell	1987-11-23	1989-01-20
Brent Scowcroft	1989-01-20	1993-01-20
Anthony Lake	1993-01-20	1997-03-14
Sandy Berger	1997-03-14	2001-01-20
Condoleezza Rice	2001-01-20	2005-01-25
Stephen Hadley	2005-01-26	2009-01-20
James Jones	2009-01-20	2010-10-08
Tom Donilon	2010-10-08	2013-07-01
Susan Rice	2013-07-01	2017-01-20
Michael Flynn	2017-01-20	2017-02-13
H. R. McMaster	2017-02-20	2018-04-09
John Bolton	2018-04-09	2019-09-10
Robert O'Brien	2019-09-18	2021-01-20
Jake Sullivan	2021-01-20	2025-01-20
Mike Waltz	2025-01-20	2025-05-01

Ambassador to the United Nations of United States
Vernon Walters	1985-05-22	1989-03-15
Thomas Pickering	1989-03-20	1992-05-07
Edward Perkins	1992-05-12	1993-01-20
Madeleine Albright	1993-01-27	1997-01-21
Bill Richardson	1997-02-18	1998-08-18
Richard Holbrooke	1999-09-07	2001-01-20
John Negroponte	2001-09-18	2004-06-23
John Danforth	2004-07-01	2005-01-20
John Bolton	2005-08-02	2006-12-31
Zalmay Khalilzad	2007-04-30	2009-01-22
Susan Rice	2009-01-22	2013-06-30
Samantha Power	2013-08-05	2017-01-20
Nikki Haley	2017-01-27	2018-12-31
Kelly Craft	2019-09-12	2021-01-20
Linda Thomas-Greenfield	2021-02-25	2025-01-20

Secretary-General of United Nations
Javier Perez de Cuellar	1982-01-01	1992-01-01
Boutros Boutros-Ghali	1992-01-01	1997-01-01
Kofi Annan	1997-01-01	2007-01-01
Ban Ki-moon	2007-01-01	2017-01-01
Antonio Guterres	2017-01-01

Secretary-General of NATO
Peter Carington	1984-06-25	1988-07-01
Manfred Woerner	1988-07-01	1994-08-13
Willy Claes	1994-10-17	1995-10-20
Javier Solana	1995-12-05	1999-10-06
George Robertson	1999-10-14	2004-01-01
Jaap de Hoop Scheffer	2004-01-01	2009-08-01
Anders Fogh Rasmussen	2009-08-01	2014-10-01
Jens Stoltenberg	2014-10-01	2024-10-01
Mark Rutte	2024-10-01

Leader of Soviet Union
Mikhail Gorbachev	1985-03-11	1991-12-25

President of Soviet Union
Mikhail Gorbachev	1990-03-15	1991-12-25

Foreign Minister of Soviet Union
Eduard Shevardnadze	1985-07-02	1990-12-20
Alexander Bessmertnykh	1991-01-15	1991-08-28

President of Russia
Boris Yeltsin	1991-07-10	1999-12-31
Vladimir Putin	1999-12-31	2008-05-07
Dmitry Medvedev	2008-05-07	2012-05-07
Vladimir Putin	2012-05-07

Prime Minister of Russia
Viktor Chernomyrdin	1992-12-14	1998-03-23
Sergei Kiriyenko	1998-04-24	1998-08-23
Yevgeny Primakov	1998-09-11	1999-05-12
Sergei Stepashin	1999-05-12	1999-08-09
Vladimir Putin	1999-08-09	2000-05-07
Mikhail Kasyanov	2000-05-17	2004-02-24
Mikhail Fradkov	2004-03-05	2007-09-12
Viktor Zubkov	2007-09-14	2008-05-07
Vladimir Putin	2008-05-08	2012-05-07
Dmitry Medvedev	2012-05-08	2020-01-16
Mikhail Mishustin	2020-01-16

Foreign Minister of Russia
Andrei Kozyrev	1991-12-26	1996-01-05
Yevgeny Primakov	1996-01-09	1998-09-11
Igor Ivanov	1998-09-11	2004-03-09
Sergei Lavrov	2004-03-09

President of China
Li Xiannian	1983-06-18	1988-04-08
Yang Shangkun	1988-04-08	1993-03-27
Jiang Zemin	1993-03-27	2003-03-15
Hu Jintao	2003-03-15	2013-03-14
Xi Jinping	2013-03-14

Premier of China
Zhao Ziyang	1980-09-10	1987-11-24
Li Peng	1988-04-09	1998-03-17
Zhu Rongji	1998-03-17	2003-03-16
Wen Jiabao	2003-03-16	2013-03-15
Li Keqiang	2013-03-15	2023-03-11
Li Qiang	2023-03-11

Foreign Minister of China
Wu Xueqian	1982-11-19	1988-04-12
Qian Qichen	1988-04-12	1998-03-18
Tang Jiaxuan	1998-03-18	2003-03-17
Li Zhaoxing	2003-03-17	2007-04-27
Yang Jiechi	2007-04-27	2013-03-16
Wang Yi	2013-03-16	2022-12-30
Qin Gang	2022-12-30	2023-07-25
Wang Yi	2023-07-25

Prime Minister of United Kingdom
Margaret Thatcher	1979-05-04	1990-11-28
John Major	1990-11-28	1997-05-02
Tony Blair	1997-05-02	2007-06-27
Gordon Brown	2007-06-27	2010-05-11
David Cameron	2010-05-11	2016-07-13
Theresa May	2016-07-13	2019-07-24
Boris Johnson	2019-07-24	2022-09-06
Liz Truss	2022-09-06	2022-10-25
Rishi Sunak	2022-10-25	2024-07-05
Keir Starmer	2024-07-05

Foreign Minister of United Kingdom
Geoffrey Howe	1983-06-11	1989-07-24
John Major	1989-07-24	1989-10-26
Douglas Hurd	1989-10-26	1995-07-05
Malcolm Rifkind	1995-07-05	1997-05-02
Robin Cook	1997-05-02	2001-06-08
Jack Straw	2001-06-08	2006-05-05
Margaret Beckett	2006-05-05	2007-06-27
David Miliband	2007-06-28	2010-05-11
William Hague	2010-05-12	2014-07-14
Philip Hammond	2014-07-14	2016-07-13
Boris Johnson	2016-07-13	2018-07-09
Jeremy Hunt	2018-07-09	2019-07-24
Dominic Raab	2019-07-24	2021-09-15
Liz Truss	2021-09-15	2022-09-06
James Cleverly	2022-09-06	2023-11-13
David Cameron	2023-11-13	2024-07-05
David Lammy	2024-07-05	2025-09-05
Yvette Cooper	2025-09-05

President of France
Francois Mitterrand	1981-05-21	1995-05-17
Jacques Chirac	1995-05-17	2007-05-16
Nicolas Sarkozy	2007-05-16	2012-05-15
Francois Hollande	2012-05-15	2017-05-14
Emmanuel Macron	2017-05-14

Prime Minister of France
Laurent Fabius	1984-07-17	1986-03-20
Jacques Chirac	1986-03-20	1988-05-10
Michel Rocard	1988-05-10	1991-05-15
Edith Cresson	1991-05-15	1992-04-02
Pierre Beregovoy	1992-04-02	1993-03-29
Edouard Balladur	1993-03-29	1995-05-17
Alain Juppe	1995-05-17	1997-06-02
Lionel Jospin	1997-06-02	2002-05-06
Jean-Pierre Raffarin	2002-05-06	2005-05-31
Dominique de Villepin	2005-05-31	2007-05-17
Francois Fillon	2007-05-17	2012-05-15
Jean-Marc Ayrault	2012-05-15	2014-03-31
Manuel Valls	2014-03-31	2016-12-06
Bernard Cazeneuve	2016-12-06	2017-05-15
Edouard Philippe	2017-05-15	2020-07-03
Jean Castex	2020-07-03	2022-05-16
Elisabeth Borne	2022-05-16	2024-01-09
Gabriel Attal	2024-01-09	2024-09-05
Michel Barnier	2024-09-05	2024-12-13
Francois Bayrou	2024-12-13	2025-09-09
Sebastien Lecornu	2025-09-09

Foreign Minister of France
Roland Dumas	1984-12-07	1986-03-20
Jean-Bernard Raimond	1986-03-20	1988-05-12
Roland Dumas	1988-05-12	1993-03-29
Alain Juppe	1993-03-30	1995-05-18
Herve de Charette	1995-05-18	1997-06-02
Hubert Vedrine	1997-06-04	2002-05-06
Dominique de Villepin	2002-05-07	2004-03-31
Michel Barnier	2004-03-31	2005-06-02
Philippe Douste-Blazy	2005-06-02	2007-05-18
Bernard Kouchner	2007-05-18	2010-11-14
Michele Alliot-Marie	2010-11-14	2011-02-27
Alain Juppe	2011-02-27	2012-05-16
Laurent Fabius	2012-05-16	2016-02-11
Jean-Marc Ayrault	2016-02-11	2017-05-17
Jean-Yves Le Drian	2017-05-17	2022-05-20
Catherine Colonna	2022-05-20	2024-01-11
Stephane Sejourne	2024-01-11	2024-09-21
Jean-Noel Barrot	2024-09-21

Chancellor of West Germany
Helmut Kohl	1982-10-01	1990-10-03

Foreign Minister of West Germany
Hans-Dietrich Genscher	1982-10-04	1990-10-03

Chancellor of Germany
Helmut Kohl	1990-10-03	1998-10-27
Gerhard Schroeder	1998-10-27	2005-11-22
Angela Merkel	2005-11-22	2021-12-08
Olaf Scholz	2021-12-08	2025-05-06
Friedrich Merz	2025-05-06

Foreign Minister of Germany
Hans-Dietrich Genscher	1990-10-03	1992-05-17
Klaus Kinkel	1992-05-18	1998-10-26
Joschka Fischer	1998-10-27	2005-11-22
Frank-Walter Steinmeier	2005-11-22	2009-10-28
Guido Westerwelle	2009-10-28	2013-12-17
Frank-Walter Steinmeier	2013-12-17	2017-01-27
Sigmar Gabriel	2017-01-27	2018-03-14
Heiko Maas	2018-03-14	2021-12-08
Annalena Baerbock	2021-12-08	2025-05-06
Johann Wadephul	2025-05-06

Prime Minister of Japan
Yasuhiro Nakasone	1982-11-27	1987-11-06
Noboru Takeshita	1987-11-06	1989-06-03
Sosuke Uno	1989-06-03	1989-08-10
Toshiki Kaifu	1989-08-10	1991-11-05
Kiichi Miyazawa	1991-11-05	1993-08-09
Morihiro Hosokawa	1993-08-09	1994-04-28
Tsutomu Hata	1994-04-28	1994-06-30
Tomiichi Murayama	1994-06-30	1996-01-11
Ryutaro Hashimoto	1996-01-11	1998-07-30
Keizo Obuchi	1998-07-30	2000-04-05
Yoshiro Mori	2000-04-05	2001-04-26
Junichiro Koizumi	2001-04-26	2006-09-26
Shinzo Abe	2006-09-26	2007-09-26
Yasuo Fukuda	2007-09-26	2008-09-24
Taro Aso	2008-09-24	2009-09-16
Yukio Hatoyama	2009-09-16	2010-06-08
Naoto Kan	2010-06-08	2011-09-02
Yoshihiko Noda	2011-09-02	2012-12-26
Shinzo Abe	2012-12-26	2020-09-16
Yoshihide Suga	2020-09-16	2021-10-04
Fumio Kishida	2021-10-04	2024-10-01
Shigeru Ishiba	2024-10-01	2025-10-21
Sanae Takaichi	2025-10-21

Foreign Minister of Japan
Koichiro Gemba	2011-09-02	2012-12-26
Fumio Kishida	2012-12-26	2017-08-03
Taro Kono	2017-08-03	2019-09-11
Toshimitsu Motegi	2019-09-11	2021-11-04
Yoshimasa Hayashi	2021-11-10	2023-09-13
Yoko Kamikawa	2023-09-13	2024-10-01
Takeshi Iwaya	2024-10-01	2025-10-21

Prime Minister of India
Rajiv Gandhi	1984-10-31	1989-12-02
V. P. Singh	1989-12-02	1990-11-10
Chandra Shekhar	1990-11-10	1991-06-21
P. V. Narasimha Rao	1991-06-21	1996-05-16
Atal Bihari Vajpayee	1996-05-16	1996-06-01
H. D. Deve Gowda	1996-06-01	1997-04-21
I. K. Gujral	1997-04-21	1998-03-19
Atal Bihari Vajpayee	1998-03-19	2004-05-22
Manmohan Singh	2004-05-22	2014-05-26
Narendra Modi	2014-05-26

Prime Minister of Canada
Brian Mulroney	1984-09-17	1993-06-25
Kim Campbell	1993-06-25	1993-11-04
Jean Chretien	1993-11-04	2003-12-12
Paul Martin	2003-12-12	2006-02-06
Stephen Harper	2006-02-06	2015-11-04
Justin Trudeau	2015-11-04	2025-03-14
Mark Carney	2025-03-14

President of Turkey
Turgut Ozal	1989-11-09	1993-04-17
Suleyman Demirel	1993-05-16	2000-05-16
Ahmet Necdet Sezer	2000-05-16	2007-08-28
Abdullah Gul	2007-08-28	2014-08-28
Recep Tayyip Erdogan	2014-08-28

Leader of North Korea
Kim Il-sung	1948-09-09	1994-07-08
Kim Jong-il	1994-07-08	2011-12-17
Kim Jong-un	2011-12-17

President of South Korea
Chun Doo-hwan	1980-09-01	1988-02-25
Roh Tae-woo	1988-02-25	1993-02-25
Kim Young-sam	1993-02-25	1998-02-25
Kim Dae-jung	1998-02-25	2003-02-25
Roh Moo-hyun	2003-02-25	2008-02-25
Lee Myung-bak	2008-02-25	2013-02-25
Park Geun-hye	2013-02-25	2017-03-10
Moon Jae-in	2017-05-10	2022-05-10
Yoon Suk Yeol	2022-05-10	2025-04-04
Lee Jae-myung	2025-06-04

Foreign Minister of South Korea
Yun Byung-se	2013-03-11	2017-06-18
Kang Kyung-wha	2017-06-18	2021-02-08
Chung Eui-yong	2021-02-09	2022-05-12
Park Jin	2022-05-12	2024-01-10
Cho Tae-yul	2024-01-12	2025-06-04

Supreme Leader of Iran
Ruhollah Khomeini	1979-12-03	1989-06-03
Ali Khamenei	1989-06-04

President of Iran
Ali Khamenei	1981-10-13	1989-08-03
Akbar Hashemi Rafsanjani	1989-08-03	1997-08-03
Mohammad Khatami	1997-08-03	2005-08-03
Mahmoud Ahmadinejad	2005-08-03	2013-08-03
Hassan Rouhani	2013-08-03	2021-08-03
Ebrahim Raisi	2021-08-03	2024-05-19
Masoud Pezeshkian	2024-07-28

Foreign Minister of Iran
Ali Akbar Velayati	1981-12-15	1997-08-20
Kamal Kharazi	1997-08-20	2005-08-24
Manouchehr Mottaki	2005-08-24	2010-12-13
Ali Akbar Salehi	2011-01-30	2013-08-15
Mohammad Javad Zarif	2013-08-15	2021-08-25
Hossein Amir-Abdollahian	2021-08-25	2024-05-19
Abbas Araghchi	2024-08-21

Prime Minister of Israel
Shimon Peres	1984-09-13	1986-10-20
Yitzhak Shamir	1986-10-20	1992-07-13
Yitzhak Rabin	1992-07-13	1995-11-04
Shimon Peres	1995-11-04	1996-06-18
Benjamin Netanyahu	1996-06-18	1999-07-06
Ehud Barak	1999-07-06	2001-03-07
Ariel Sharon	2001-03-07	2006-01-04
Ehud Olmert	2006-04-14	2009-03-31
Benjamin Netanyahu	2009-03-31	2021-06-13
Naftali Bennett	2021-06-13	2022-06-30
Yair Lapid	2022-07-01	2022-12-29
Benjamin Netanyahu	2022-12-29

President of Ukraine
Leonid Kravchuk	1991-12-05	1994-07-19
Leonid Kuchma	1994-07-19	2005-01-23
Viktor Yushchenko	2005-01-23	2010-02-25
Viktor Yanukovych	2010-02-25	2014-02-22
Petro Poroshenko	2014-06-07	2019-05-20
Volodymyr Zelensky	2019-05-20

President of Syria
Hafez al-Assad	1971-03-14	2000-06-10
Bashar al-Assad	2000-07-17	2024-12-08

President of Egypt
Hosni Mubarak	1981-10-14	2011-02-11
Mohamed Morsi	2012-06-30	2013-07-03
Abdel Fattah el-Sisi	2014-06-08

King of Saudi Arabia
King Fahd	1982-06-13	2005-08-01
King Abdullah	2005-08-01	2015-01-23
King Salman	2015-01-23
"""


def people_names():
    names = {}
    with open(PEOPLE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            names[cols[0]] = cols[0]
            for alias in (cols[1].split("|") if len(cols) > 1 else []):
                if alias:
                    names.setdefault(alias, cols[0])
    return names


def main():
    known = people_names()
    rows, unknown = [], []
    office = None
    for line in TERMS.strip().splitlines():
        if not line.strip():
            office = None
            continue
        if office is None:
            office = line.strip()
            continue
        cols = line.split("\t")
        holder, start = cols[0], cols[1]
        end = cols[2] if len(cols) > 2 else ""
        if start >= end and end:
            sys.exit(f"{office}: {holder} ends before it starts")
        canonical = known.get(holder, holder)
        if holder not in known:
            unknown.append(holder)
        rows.append((office, canonical, start, end))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# source: hand-compiled from the public record (official lists of office holders) by the communique project, CC0 1.0; generated by scripts/gen_offices.py, which says what it covers\n"
            "# columns: office	holder (a people.tsv canonical where the gazetteer knows the person)	start (YYYY-MM-DD)	end (YYYY-MM-DD, the successor's first day; empty: in office)\n"
            "# office: <role> of <country> with a countries.tsv canonical, or of an organisation (United Nations, NATO)\n"
        )
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} terms, {len({r[0] for r in rows})} offices; {len(set(unknown))} holders not in people.tsv")


if __name__ == "__main__":
    main()
