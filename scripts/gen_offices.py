#!/usr/bin/env python3
"""Writes index-schema/offices.tsv: who held which office from when to when.

No package on the registries reachable here ships heads of state or
government with dates (checked: PyPI, npm, Debian; `everypolitician` fetches
its data from the web at run time), so the terms below are hand-compiled from
the public record (official lists of office holders) by the communique
project and released under CC0 1.0. Dates are the day the holder took office
and the day the next one did (an end left empty: still in office at the time
of writing). Acting holders between two confirmed ones are left out, so an
article of those days infers nobody. Where the day of a change is not known
here, a date is written as the month (YYYY-MM) or the year (YYYY) it is
known to: the start then counts from the next month (year) and the end stops
on the first of its own, so the uncertain weeks are a gap, never a wrong
holder (the TSV then shows a 1st of the month).

Coverage ("from" where a list starts after 1985 because earlier holders
could not be dated here):
- United States: president, vice president, secretaries of state, defense
  and the treasury, national security advisers, UN ambassadors.
- UN and NATO secretaries-general; the European Union's Commission president,
  European Council president (since the office began, 2009) and High
  Representative (since 1999).
- Heads of state and of government: Russia and the Soviet Union (leader,
  president, premier), China, the United Kingdom (prime minister, monarch),
  France, Germany and West Germany (chancellor, president), Japan (prime
  minister, emperor), India (prime minister, president), Canada (prime
  minister), Italy, Brazil, Argentina, Mexico, South Africa, Australia (prime
  minister), Indonesia, Turkey (president; prime minister until the office
  ended in 2018), North Korea (leader, premier), South Korea (president,
  prime minister), Iran (supreme leader, president; prime minister until the
  office ended in 1989), Israel (prime minister, president), Ukraine
  (president, prime minister), Syria (president, prime minister), Egypt,
  Saudi Arabia (king, crown prince, prime minister), the UAE (president,
  prime minister), Qatar (emir, prime minister), Kuwait (emir, prime
  minister), Bahrain (emir, then king; prime minister), Oman (sultan, who is
  also the head of government).
- Foreign ministers: Soviet Union and Russia, China, the UK, France, Germany
  and West Germany, Iran, Canada, Australia, Italy, Japan, South Korea, India
  (from 1985), Turkey, Brazil, Argentina, Mexico,
  South Africa (from 1994: the new republic's office), Indonesia, North Korea,
  Israel, Ukraine, Syria, Egypt, Saudi Arabia, Qatar (from 1992), the UAE,
  Kuwait, Bahrain, Oman (the minister responsible for foreign affairs, as
  news names him; the sultan held the title).
Left out, not reliably dated here: Mexico's foreign ministers of
1993-1994; Qatar's before 1992; Turkey's of October 1995 (Coskun Kirca,
three weeks: shorter than the month the dates are known to); Ukraine's
prime minister of 1993-1994 (acting); North Korea's premier of 1997-1998 and Ukraine's foreign
minister of 2009 (acting); Israel's foreign ministers of 1998, 2000-2001,
2012-2013 and 2019-2020 (a prime minister or an acting minister holding the
office); acting and interim holders (Brazil 1992 and 2016, Egypt's interim
president of 2013-2014, a prime minister holding the foreign ministry
meanwhile), who are gaps: an article of those days infers nobody.

Holder names are checked against index-schema/gazetteer/people.tsv so that a
holder is the same canonical person the people extraction finds (an alias is
written as its canonical); a holder the gazetteer does not know is kept as
written here (the run prints how many). scripts/gen_gazetteers.py adds to
people.tsv the holders it lacks, but for those whose surname others bear
(a census surname, a given name, a curated person's), so run this script,
then that one, then this one again.

    python3 scripts/gen_offices.py
"""
import datetime
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
King Abdullah of Saudi Arabia	2005-08-01	2015-01-23
King Salman	2015-01-23

Leader of Soviet Union
Konstantin Chernenko	1984-02-13	1985-03-10

Premier of Soviet Union
Nikolai Tikhonov	1980-10-23	1985-09-27
Nikolai Ryzhkov	1985-09-27	1991-01-14
Valentin Pavlov	1991-01-14	1991-08-22

Foreign Minister of Soviet Union
Andrei Gromyko	1957-02-15	1985-07-02

President of West Germany
Richard von Weizsaecker	1984-07-01	1990-10-03

President of Germany
Richard von Weizsaecker	1990-10-03	1994-07-01
Roman Herzog	1994-07-01	1999-07-01
Johannes Rau	1999-07-01	2004-07-01
Horst Koehler	2004-07-01	2010-05-31
Christian Wulff	2010-06-30	2012-02-17
Joachim Gauck	2012-03-18	2017-03-19
Frank-Walter Steinmeier	2017-03-19

Queen of United Kingdom
Queen Elizabeth II	1952-02-06	2022-09-08

King of United Kingdom
King Charles III	2022-09-08

Emperor of Japan
Emperor Akihito	1989-01-07	2019-04-30
Emperor Naruhito	2019-05-01

President of India
Zail Singh	1982-07-25	1987-07-25
R. Venkataraman	1987-07-25	1992-07-25
Shankar Dayal Sharma	1992-07-25	1997-07-25
K. R. Narayanan	1997-07-25	2002-07-25
A. P. J. Abdul Kalam	2002-07-25	2007-07-25
Pratibha Patil	2007-07-25	2012-07-25
Pranab Mukherjee	2012-07-25	2017-07-25
Ram Nath Kovind	2017-07-25	2022-07-25
Droupadi Murmu	2022-07-25

Foreign Minister of India
Jaswant Singh	1998-12-05	2002-07-01
Yashwant Sinha	2002-07-01	2004-05-22
Natwar Singh	2004-05-22	2005-11-07
Pranab Mukherjee	2006-10-24	2009-05-22
S. M. Krishna	2009-05-22	2012-10-28
Salman Khurshid	2012-10-28	2014-05-26
Sushma Swaraj	2014-05-26	2019-05-30
Subrahmanyam Jaishankar	2019-05-30

Foreign Minister of Canada
Joe Clark	1984-09-17	1991-04-21
Barbara McDougall	1991-04-21	1993-06-25
Perrin Beatty	1993-06-25	1993-11-04
Andre Ouellet	1993-11-04	1996-01-25
Lloyd Axworthy	1996-01-25	2000-10-17
John Manley	2000-10-17	2002-01-15
Bill Graham	2002-01-16	2004-07-20
Pierre Pettigrew	2004-07-20	2006-02-06
Peter MacKay	2006-02-06	2007-08-14
Maxime Bernier	2007-08-14	2008-05-26
David Emerson	2008-05-26	2008-10-30
Lawrence Cannon	2008-10-30	2011-05-18
John Baird	2011-05-18	2015-02-03
Rob Nicholson	2015-02-09	2015-11-04
Stephane Dion	2015-11-04	2017-01-10
Chrystia Freeland	2017-01-10	2019-11-20
Francois-Philippe Champagne	2019-11-20	2021-01-12
Marc Garneau	2021-01-12	2021-10-26
Melanie Joly	2021-10-26	2025-05-13
Anita Anand	2025-05-13

President of Brazil
Jose Sarney	1985-04-21	1990-03-15
Fernando Collor	1990-03-15	1992-10-02
Itamar Franco	1992-12-29	1995-01-01
Fernando Henrique Cardoso	1995-01-01	2003-01-01
Luiz Inacio Lula da Silva	2003-01-01	2011-01-01
Dilma Rousseff	2011-01-01	2016-05-12
Michel Temer	2016-08-31	2019-01-01
Jair Bolsonaro	2019-01-01	2023-01-01
Luiz Inacio Lula da Silva	2023-01-01

Foreign Minister of Brazil
Celso Amorim	2003-01-01	2011-01-01
Antonio Patriota	2011-01-01	2013-08-26
Mauro Vieira	2015-01-01	2016-05-12
Jose Serra	2016-05-12	2017-02-22
Aloysio Nunes	2017-03-07	2019-01-01
Ernesto Araujo	2019-01-01	2021-03-29
Carlos Franca	2021-04-06	2023-01-01
Mauro Vieira	2023-01-01

President of Argentina
Raul Alfonsin	1983-12-10	1989-07-08
Carlos Menem	1989-07-08	1999-12-10
Fernando de la Rua	1999-12-10	2001-12-21
Eduardo Duhalde	2002-01-02	2003-05-25
Nestor Kirchner	2003-05-25	2007-12-10
Cristina Fernandez de Kirchner	2007-12-10	2015-12-10
Mauricio Macri	2015-12-10	2019-12-10
Alberto Fernandez	2019-12-10	2023-12-10
Javier Milei	2023-12-10

Foreign Minister of Argentina
Susana Malcorra	2015-12-10	2017-06-12
Jorge Faurie	2017-06-12	2019-12-10
Felipe Sola	2019-12-10	2021-09-20
Santiago Cafiero	2021-09-20	2023-12-10
Diana Mondino	2023-12-10	2024-10-30

President of Mexico
Miguel de la Madrid	1982-12-01	1988-12-01
Carlos Salinas de Gortari	1988-12-01	1994-12-01
Ernesto Zedillo	1994-12-01	2000-12-01
Vicente Fox	2000-12-01	2006-12-01
Felipe Calderon	2006-12-01	2012-12-01
Enrique Pena Nieto	2012-12-01	2018-12-01
Andres Manuel Lopez Obrador	2018-12-01	2024-10-01
Claudia Sheinbaum	2024-10-01

Foreign Minister of Mexico
Jose Antonio Meade	2012-12-01	2015-08-27
Claudia Ruiz Massieu	2015-08-27	2017-01-04
Luis Videgaray	2017-01-04	2018-12-01
Marcelo Ebrard	2018-12-01	2023-06-12
Juan Ramon de la Fuente	2024-10-01

President of South Africa
P. W. Botha	1984-09-14	1989-08-15
F. W. de Klerk	1989-09-20	1994-05-10
Nelson Mandela	1994-05-10	1999-06-16
Thabo Mbeki	1999-06-16	2008-09-25
Kgalema Motlanthe	2008-09-25	2009-05-09
Jacob Zuma	2009-05-09	2018-02-14
Cyril Ramaphosa	2018-02-15

Foreign Minister of South Africa
Alfred Nzo	1994-05-10	1999-06-17
Nkosazana Dlamini-Zuma	1999-06-17	2009-05-10
Maite Nkoana-Mashabane	2009-05-10	2018-02-27
Lindiwe Sisulu	2018-02-27	2019-05-30
Naledi Pandor	2019-05-30	2024-07-03
Ronald Lamola	2024-07-03

Prime Minister of Australia
Bob Hawke	1983-03-11	1991-12-20
Paul Keating	1991-12-20	1996-03-11
John Howard	1996-03-11	2007-12-03
Kevin Rudd	2007-12-03	2010-06-24
Julia Gillard	2010-06-24	2013-06-27
Kevin Rudd	2013-06-27	2013-09-18
Tony Abbott	2013-09-18	2015-09-15
Malcolm Turnbull	2015-09-15	2018-08-24
Scott Morrison	2018-08-24	2022-05-23
Anthony Albanese	2022-05-23

Foreign Minister of Australia
Bill Hayden	1983-03-11	1988-08-17
Gareth Evans	1988-09-02	1996-03-11
Alexander Downer	1996-03-11	2007-12-03
Stephen Smith	2007-12-03	2010-09-14
Kevin Rudd	2010-09-14	2012-02-22
Bob Carr	2012-03-13	2013-09-18
Julie Bishop	2013-09-18	2018-08-28
Marise Payne	2018-08-28	2022-05-23
Penny Wong	2022-05-23

President of Indonesia
Suharto	1967-03-12	1998-05-21
B. J. Habibie	1998-05-21	1999-10-20
Abdurrahman Wahid	1999-10-20	2001-07-23
Megawati Sukarnoputri	2001-07-23	2004-10-20
Susilo Bambang Yudhoyono	2004-10-20	2014-10-20
Joko Widodo	2014-10-20	2024-10-20
Prabowo Subianto	2024-10-20

Foreign Minister of Indonesia
Marty Natalegawa	2009-10-22	2014-10-27
Retno Marsudi	2014-10-27	2024-10-21
Sugiono	2024-10-21

President of Italy
Francesco Cossiga	1985-07-03	1992-04-28
Oscar Luigi Scalfaro	1992-05-28	1999-05-15
Carlo Azeglio Ciampi	1999-05-18	2006-05-15
Giorgio Napolitano	2006-05-15	2015-01-14
Sergio Mattarella	2015-02-03

Prime Minister of Italy
Bettino Craxi	1983-08-04	1987-04-17
Amintore Fanfani	1987-04-17	1987-07-28
Giovanni Goria	1987-07-28	1988-04-13
Ciriaco De Mita	1988-04-13	1989-07-22
Giulio Andreotti	1989-07-22	1992-06-28
Giuliano Amato	1992-06-28	1993-04-28
Carlo Azeglio Ciampi	1993-04-28	1994-05-10
Silvio Berlusconi	1994-05-10	1995-01-17
Lamberto Dini	1995-01-17	1996-05-18
Romano Prodi	1996-05-18	1998-10-21
Massimo D'Alema	1998-10-21	2000-04-25
Giuliano Amato	2000-04-25	2001-06-11
Silvio Berlusconi	2001-06-11	2006-05-17
Romano Prodi	2006-05-17	2008-05-08
Silvio Berlusconi	2008-05-08	2011-11-16
Mario Monti	2011-11-16	2013-04-28
Enrico Letta	2013-04-28	2014-02-22
Matteo Renzi	2014-02-22	2016-12-12
Paolo Gentiloni	2016-12-12	2018-06-01
Giuseppe Conte	2018-06-01	2021-02-13
Mario Draghi	2021-02-13	2022-10-22
Giorgia Meloni	2022-10-22

Foreign Minister of Italy
Franco Frattini	2008-05-08	2011-11-16
Giulio Terzi	2011-11-16	2013-03-26
Emma Bonino	2013-04-28	2014-02-22
Federica Mogherini	2014-02-22	2014-10-31
Paolo Gentiloni	2014-10-31	2016-12-12
Angelino Alfano	2016-12-12	2018-06-01
Enzo Moavero Milanesi	2018-06-01	2019-09-05
Luigi Di Maio	2019-09-05	2022-10-22
Antonio Tajani	2022-10-22

President of European Commission
Jacques Delors	1985-01-07	1995-01-23
Jacques Santer	1995-01-23	1999-03-15
Romano Prodi	1999-09-16	2004-11-22
Jose Manuel Barroso	2004-11-22	2014-11-01
Jean-Claude Juncker	2014-11-01	2019-12-01
Ursula von der Leyen	2019-12-01

President of European Council
Herman Van Rompuy	2009-12-01	2014-12-01
Donald Tusk	2014-12-01	2019-12-01
Charles Michel	2019-12-01	2024-12-01
Antonio Costa	2024-12-01

High Representative of European Union
Javier Solana	1999-10-18	2009-12-01
Catherine Ashton	2009-12-01	2014-11-01
Federica Mogherini	2014-11-01	2019-12-01
Josep Borrell	2019-12-01	2024-12-01
Kaja Kallas	2024-12-01

President of Turkey
Kenan Evren	1982-11-09	1989-11-09

Prime Minister of Turkey
Turgut Ozal	1983-12-13	1989-10-31
Yildirim Akbulut	1989-11-09	1991-06-23
Mesut Yilmaz	1991-06-23	1991-11-20
Suleyman Demirel	1991-11-20	1993-05-16
Tansu Ciller	1993-06-25	1996-03-06
Mesut Yilmaz	1996-03-06	1996-06-28
Necmettin Erbakan	1996-06-28	1997-06-30
Mesut Yilmaz	1997-06-30	1999-01-11
Bulent Ecevit	1999-01-11	2002-11-18
Abdullah Gul	2002-11-18	2003-03-14
Recep Tayyip Erdogan	2003-03-14	2014-08-28
Ahmet Davutoglu	2014-08-28	2016-05-24
Binali Yildirim	2016-05-24	2018-07-09

Foreign Minister of Turkey
Ismail Cem	1997-06-30	2002-07-11
Sukru Sina Gurel	2002-07-11	2002-11-18
Yasar Yakis	2002-11-18	2003-03-14
Abdullah Gul	2003-03-14	2007-08-28
Ali Babacan	2007-08-29	2009-05-01
Ahmet Davutoglu	2009-05-01	2014-08-29
Mevlut Cavusoglu	2014-08-29	2015-08-28
Feridun Sinirlioglu	2015-08-28	2015-11-24
Mevlut Cavusoglu	2015-11-24	2023-06-04
Hakan Fidan	2023-06-04

Foreign Minister of South Korea
Ban Ki-moon	2004-01-17	2006-11-10
Song Min-soon	2006-12-01	2008-02-29
Yu Myung-hwan	2008-02-29	2010-09-04
Kim Sung-hwan	2010-10-08	2013-03-11

Foreign Minister of Japan
Nobutaka Machimura	2004-09-27	2005-10-31
Taro Aso	2005-10-31	2007-08-27
Nobutaka Machimura	2007-08-27	2007-09-26
Masahiko Komura	2007-09-26	2008-09-24
Hirofumi Nakasone	2008-09-24	2009-09-16
Katsuya Okada	2009-09-16	2010-09-17
Seiji Maehara	2010-09-17	2011-03-07
Takeaki Matsumoto	2011-03-09	2011-09-02

Premier of North Korea
Pak Pong-ju	2013-04-01	2019-04-11
Kim Jae-ryong	2019-04-11	2020-08-13

Foreign Minister of North Korea
Paek Nam-sun	1998-09-05	2007-01-02
Pak Ui-chun	2007-05-18	2014-04-09
Ri Su-yong	2014-04-09	2016-05-16
Ri Yong-ho	2016-05-16	2020-01-18
Ri Son-gwon	2020-01-18	2022-06-11
Choe Son-hui	2022-06-11

President of Israel
Chaim Herzog	1983-05-05	1993-05-13
Ezer Weizman	1993-05-13	2000-07-13
Moshe Katsav	2000-08-01	2007-01-25
Shimon Peres	2007-07-15	2014-07-24
Reuven Rivlin	2014-07-24	2021-07-07
Isaac Herzog	2021-07-07

Foreign Minister of Israel
Silvan Shalom	2003-02-28	2006-01-16
Tzipi Livni	2006-01-18	2009-03-31
Avigdor Lieberman	2009-03-31	2012-12-18
Avigdor Lieberman	2013-11-11	2015-05-14
Benjamin Netanyahu	2015-05-14	2019-02-17
Gabi Ashkenazi	2020-05-17	2021-06-13
Yair Lapid	2021-06-13	2022-12-29
Eli Cohen	2022-12-29	2024-01-01
Israel Katz	2024-01-01	2024-11-05

Prime Minister of Ukraine
Yulia Tymoshenko	2005-02-04	2005-09-08
Yuriy Yekhanurov	2005-09-22	2006-08-04
Viktor Yanukovych	2006-08-04	2007-12-18
Yulia Tymoshenko	2007-12-18	2010-03-04
Mykola Azarov	2010-03-11	2014-01-28
Arseniy Yatsenyuk	2014-02-27	2016-04-14
Volodymyr Groysman	2016-04-14	2019-08-29
Oleksiy Honcharuk	2019-08-29	2020-03-04
Denys Shmyhal	2020-03-04	2025-07-17
Yulia Svyrydenko	2025-07-17

Foreign Minister of Ukraine
Petro Poroshenko	2009-10-09	2010-03-11
Kostyantyn Gryshchenko	2010-03-11	2012-12-24
Leonid Kozhara	2012-12-24	2014-02-23
Pavlo Klimkin	2014-06-19	2019-08-29
Vadym Prystaiko	2019-08-29	2020-03-04
Dmytro Kuleba	2020-03-04	2024-09-05
Andrii Sybiha	2024-09-05

Foreign Minister of Syria
Farouk al-Sharaa	1984-03-11	2006-02-11
Walid Muallem	2006-02-11	2020-11-16
Faisal Mekdad	2020-11-22	2024-12-08
Asaad al-Shaibani	2024-12-21

Prime Minister of Egypt
Atef Sedki	1986-11-12	1996-01-02
Kamal Ganzouri	1996-01-02	1999-10-05
Atef Ebeid	1999-10-05	2004-07-14
Ahmed Nazif	2004-07-14	2011-01-29
Ahmed Shafik	2011-01-29	2011-03-03
Essam Sharaf	2011-03-03	2011-12-07
Kamal Ganzouri	2011-12-07	2012-08-02
Hesham Qandil	2012-08-02	2013-07-16
Hazem el-Beblawi	2013-07-16	2014-03-01
Ibrahim Mahlab	2014-03-01	2015-09-19
Sherif Ismail	2015-09-19	2018-06-07
Mostafa Madbouly	2018-06-07

Foreign Minister of Egypt
Amr Moussa	1991-05-20	2001-05-15
Ahmed Maher	2001-05-15	2004-07-14
Ahmed Aboul Gheit	2004-07-14	2011-03-06
Nabil Fahmy	2013-07-16	2014-06-17
Sameh Shoukry	2014-06-17	2024-07-03
Badr Abdelatty	2024-07-03

Crown Prince of Saudi Arabia
King Abdullah of Saudi Arabia	1982-06-13	2005-08-01
Sultan bin Abdulaziz	2005-08-01	2011-10-22
Nayef bin Abdulaziz	2011-10-27	2012-06-16
King Salman	2012-06-18	2015-01-23
Muqrin bin Abdulaziz	2015-01-23	2015-04-29
Muhammad bin Nayef	2015-04-29	2017-06-21
Mohammed bin Salman	2017-06-21

Prime Minister of Saudi Arabia
King Fahd	1982-06-13	2005-08-01
King Abdullah of Saudi Arabia	2005-08-01	2015-01-23
King Salman	2015-01-23	2022-09-27
Mohammed bin Salman	2022-09-27

Foreign Minister of Saudi Arabia
Saud al-Faisal	1975-10-13	2015-04-29
Adel al-Jubeir	2015-04-29	2018-12-27
Ibrahim Abdulaziz Al-Assaf	2018-12-27	2019-10-23
Faisal bin Farhan	2019-10-23

President of United Arab Emirates
Zayed bin Sultan Al Nahyan	1971-12-02	2004-11-02
Sheikh Khalifa bin Zayed	2004-11-03	2022-05-13
Mohammed bin Zayed	2022-05-14

Emir of Qatar
Khalifa bin Hamad Al Thani	1972-02-22	1995-06-27
Hamad bin Khalifa Al Thani	1995-06-27	2013-06-25
Tamim bin Hamad Al Thani	2013-06-25

Prime Minister of Qatar
Abdullah bin Khalifa Al Thani	1996-10-29	2007-04-03
Hamad bin Jassim Al Thani	2007-04-03	2013-06-26
Abdullah bin Nasser Al Thani	2013-06-26	2020-01-28
Khalid bin Khalifa Al Thani	2020-01-28	2023-03-07
Mohammed bin Abdulrahman Al Thani	2023-03-07

Foreign Minister of Qatar
Hamad bin Jassim Al Thani	1992-09-01	2013-06-26
Khalid al-Attiyah	2013-06-26	2016-01-27
Mohammed bin Abdulrahman Al Thani	2016-01-27

Emir of Kuwait
Jaber Al-Ahmad Al-Sabah	1977-12-31	2006-01-15
Saad Al-Abdullah Al-Sabah	2006-01-15	2006-01-24
Sabah Al-Ahmad Al-Sabah	2006-01-29	2020-09-29
Nawaf Al-Ahmad Al-Sabah	2020-09-29	2023-12-16
Mishal Al-Ahmad Al-Sabah	2023-12-16

Emir of Bahrain
Isa bin Salman Al Khalifa	1961-11-02	1999-03-06
Hamad bin Isa Al Khalifa	1999-03-06	2002-02-14

King of Bahrain
Hamad bin Isa Al Khalifa	2002-02-14

Prime Minister of Bahrain
Khalifa bin Salman Al Khalifa	1971-08-15	2020-11-11
Salman bin Hamad Al Khalifa	2020-11-11

Sultan of Oman
Sultan Qaboos	1970-07-23	2020-01-10
Haitham bin Tarik	2020-01-11

Prime Minister of South Korea
Lho Shin-yong	1985-02	1987-05
Kim Chung-yul	1987-07	1988-02
Lee Hyun-jae	1988-02	1988-12
Kang Young-hoon	1988-12	1990-12
Ro Jai-bong	1990-12	1991-05
Chung Won-shik	1991-07	1992-10
Hyun Soong-jong	1992-10	1993-02
Hwang In-sung	1993-02	1993-12
Lee Hoi-chang	1993-12	1994-04
Lee Yung-dug	1994-04	1994-12
Lee Hong-koo	1994-12	1995-12
Lee Soo-sung	1995-12	1997-03
Goh Kun	1997-03	1998-03
Kim Jong-pil	1998-08	2000-01
Park Tae-joon	2000-01	2000-05
Lee Han-dong	2000-06	2002-07
Kim Suk-soo	2002-10	2003-02
Goh Kun	2003-02	2004-05
Lee Hae-chan	2004-06	2006-03
Han Myeong-sook	2006-04	2007-03
Han Duck-soo	2007-04	2008-02
Han Seung-soo	2008-02-29	2009-09-29
Chung Un-chan	2009-09-29	2010-08
Kim Hwang-sik	2010-10-01	2013-02-26
Chung Hong-won	2013-02-26	2015-02-17
Lee Wan-koo	2015-02-17	2015-04-27
Hwang Kyo-ahn	2015-06-18	2017-05-11
Lee Nak-yon	2017-05-31	2020-01-14
Chung Sye-kyun	2020-01-14	2021-04-16
Kim Boo-kyum	2021-05-14	2022-05-10
Han Duck-soo	2022-05-21	2025-05-01
Kim Min-seok	2025-07-03

Foreign Minister of South Korea
Lee Won-kyung	1983-10	1986-08
Choi Kwang-soo	1986-08	1988-12
Choi Ho-joong	1988-12	1990-12
Lee Sang-ock	1990-12	1993-02
Han Sung-joo	1993-02	1994-12
Gong Ro-myung	1994-12	1996-11
Yoo Chong-ha	1996-11	1998-02
Park Chung-soo	1998-03	1998-08
Hong Soon-young	1998-08	2000-01
Lee Joung-binn	2000-01	2001-03
Han Seung-soo	2001-03	2002-01
Choi Sung-hong	2002-02	2003-02
Yoon Young-kwan	2003-02	2004-01
Cho Hyun	2025-07

Premier of North Korea
Kang Song-san	1984-01	1986-12
Li Gun-mo	1986-12	1988-12
Yon Hyong-muk	1988-12	1992-12
Kang Song-san	1992-12	1997-02
Hong Song-nam	1998-09-05	2003-09-03
Pak Pong-ju	2003-09-03	2007-04-11
Kim Yong-il	2007-04-11	2010-06-07
Choe Yong-rim	2010-06-07	2013-04-01
Kim Tok-hun	2020-08-13	2024-12
Pak Thae-song	2024-12

Foreign Minister of North Korea
Kim Yong-nam	1983-12	1998-09-05

Prime Minister of Syria
Abdul Rauf al-Kasm	1980-01	1987-11
Mahmoud Zuabi	1987-11	2000-03
Muhammad Mustafa Mero	2000-03	2003-09
Muhammad Naji al-Otari	2003-09	2011-03
Adel Safar	2011-04	2012-06
Riyad Hijab	2012-06	2012-08
Wael al-Halqi	2012-08-09	2016-06-22
Imad Khamis	2016-06-22	2020-06-11
Hussein Arnous	2020-08-25	2024-09
Mohammad Ghazi al-Jalali	2024-09	2024-12

President of Syria
Ahmed al-Sharaa	2025-01-29

Prime Minister of Kuwait
Saad Al-Abdullah Al-Sabah	1978-02	2003-07
Sabah Al-Ahmad Al-Sabah	2003-07	2006-01
Nasser Al-Mohammed Al-Sabah	2006-02-07	2011-11-28
Jaber Al-Mubarak Al-Sabah	2011-11-30	2019-11-19
Sabah Al-Khalid Al-Sabah	2019-11-19	2022-07
Ahmad Nawaf Al-Sabah	2022-07	2024-01
Mohammad Sabah Al-Salem Al-Sabah	2024-01	2024-04
Ahmad Abdullah Al-Sabah	2024-04

Foreign Minister of Kuwait
Sabah Al-Ahmad Al-Sabah	1963	2003-07
Mohammad Sabah Al-Salem Al-Sabah	2003-07	2011-10
Sabah Al-Khalid Al-Sabah	2011-10-23	2019-11
Ahmad Nasser Al-Mohammad Al-Sabah	2019-12	2022-07
Salem Abdullah Al-Jaber Al-Sabah	2022-08	2024-01
Abdullah Al-Yahya	2024-01

Prime Minister of United Arab Emirates
Rashid bin Saeed Al Maktoum	1979-04	1990-10
Maktoum bin Rashid Al Maktoum	1990-11	2006-01-04
Mohammed bin Rashid Al Maktoum	2006-02

Foreign Minister of United Arab Emirates
Rashid Abdullah Al Nuaimi	1980	2006-02
Abdullah bin Zayed	2006-02

Foreign Minister of Bahrain
Mohammed bin Mubarak Al Khalifa	1971	2005-09
Khalid bin Ahmed Al Khalifa	2005-09	2020-01
Abdullatif bin Rashid Al Zayani	2020-02

Foreign Minister of Oman
Yusuf bin Alawi bin Abdullah	1982	2020-08-18
Badr Albusaidi	2020-08-18

Prime Minister of Qatar
Khalifa bin Hamad Al Thani	1972-02-22	1995-06-27
Hamad bin Khalifa Al Thani	1995-06-27	1996-10-29

Prime Minister of Iran
Mir-Hossein Mousavi	1981-10	1989-08-03

Prime Minister of Egypt
Kamal Hassan Ali	1984-07	1985-09
Ali Lutfi	1985-09	1986-11-12

Foreign Minister of Egypt
Esmat Abdel Meguid	1984-07	1991-05
Nabil Elaraby	2011-03	2011-06
Mohamed Kamel Amr	2011-07-18	2013-07

Emperor of Japan
Emperor Hirohito	1926-12-25	1989-01-07

Foreign Minister of Japan
Shintaro Abe	1982-11-27	1986-07-22
Tadashi Kuranari	1986-07-22	1987-11-06
Sosuke Uno	1987-11-06	1989-06-03
Hiroshi Mitsuzuka	1989-06-03	1989-08-10
Taro Nakayama	1989-08-10	1991-11-05
Michio Watanabe	1991-11-05	1993-04
Kabun Muto	1993-04	1993-08-09
Tsutomu Hata	1993-08-09	1994-04-28
Koji Kakizawa	1994-04-28	1994-06-30
Yohei Kono	1994-06-30	1996-01-11
Yukihiko Ikeda	1996-01-11	1997-09-11
Keizo Obuchi	1997-09-11	1998-07-30
Masahiko Komura	1998-07-30	1999-10-05
Yohei Kono	1999-10-05	2001-04-26
Makiko Tanaka	2001-04-26	2002-01
Yoriko Kawaguchi	2002-02	2004-09-27
Toshimitsu Motegi	2025-10-21

Foreign Minister of Italy
Giulio Andreotti	1983-08-04	1989-07-22
Gianni De Michelis	1989-07-22	1992-06-28
Emilio Colombo	1992-08	1993-02
Beniamino Andreatta	1993-04-28	1994-05-10
Antonio Martino	1994-05-10	1995-01-17
Susanna Agnelli	1995-01-17	1996-05-18
Lamberto Dini	1996-05-18	2001-06-11
Renato Ruggiero	2001-06-11	2002-01
Franco Frattini	2002-11	2004-11
Gianfranco Fini	2004-11	2006-05-17
Massimo D'Alema	2006-05-17	2008-05-08

Foreign Minister of India
Bali Ram Bhagat	1985-09	1986-05
P. Shiv Shankar	1986-05	1986-10
N. D. Tiwari	1986-10	1987-07
P. V. Narasimha Rao	1988-06	1989-12-02
I. K. Gujral	1989-12	1990-11-10
Vidya Charan Shukla	1990-11	1991-02
Madhavsinh Solanki	1991-06	1992-03
Dinesh Singh	1993-01	1995-02
Pranab Mukherjee	1995-02	1996-05-16
I. K. Gujral	1996-06-01	1997-04-21

Foreign Minister of Turkey
Vahit Halefoglu	1983-12-13	1987-12-21
Mesut Yilmaz	1987-12-21	1990-02
Ali Bozer	1990-02	1990-10
Ahmet Kurtcebe Alptemocin	1990-10	1991-06
Safa Giray	1991-06	1991-11-20
Hikmet Cetin	1991-11-20	1994-07
Mumtaz Soysal	1994-07	1994-11
Murat Karayalcin	1994-12	1995-03
Erdal Inonu	1995-03	1995-10
Deniz Baykal	1995-10	1996-03-06
Emre Gonensay	1996-03-06	1996-06-28
Tansu Ciller	1996-06-28	1997-06-30

Foreign Minister of Brazil
Olavo Setubal	1985-03-15	1986-02
Roberto de Abreu Sodre	1986-02	1990-03-15
Francisco Rezek	1990-03-15	1992-04
Celso Lafer	1992-04	1992-09
Fernando Henrique Cardoso	1992-10	1993-05
Celso Amorim	1993-08	1995-01-01
Luiz Felipe Lampreia	1995-01-01	2001-01
Celso Lafer	2001-01	2003-01-01
Luiz Alberto Figueiredo	2013-08-28	2015-01-01

Foreign Minister of Argentina
Dante Caputo	1983-12-10	1989-05
Domingo Cavallo	1989-07-08	1991-01
Guido di Tella	1991-01	1999-12-10
Adalberto Rodriguez Giavarini	1999-12-10	2001-12
Carlos Ruckauf	2002-01	2003-05-25
Rafael Bielsa	2003-05-25	2005-11
Jorge Taiana	2005-12	2010-06
Hector Timerman	2010-06	2015-12-10
Gerardo Werthein	2024-11	2025-10

Foreign Minister of Mexico
Bernardo Sepulveda	1982-12-01	1988-12-01
Fernando Solana	1988-12-01	1993
Jose Angel Gurria	1994-12-01	1998-01
Rosario Green	1998-01	2000-12-01
Jorge Castaneda	2000-12-01	2003-01
Luis Ernesto Derbez	2003-01	2006-12-01
Patricia Espinosa	2006-12-01	2012-12-01
Alicia Barcena	2023-07	2024-10-01

Foreign Minister of Indonesia
Mochtar Kusumaatmadja	1978-03	1988-03
Ali Alatas	1988-03	1999-10-20
Alwi Shihab	1999-10	2001-06
Hassan Wirajuda	2001-08	2009-10-22

Foreign Minister of Israel
Yitzhak Shamir	1984-09-13	1986-10-20
Shimon Peres	1986-10-20	1988-12-22
Moshe Arens	1988-12-22	1990-06-11
David Levy	1990-06-11	1992-07-13
Shimon Peres	1992-07-13	1995-11
Ehud Barak	1995-11	1996-06-18
David Levy	1996-06-18	1998-01
Ariel Sharon	1998-10	1999-07-06
David Levy	1999-07-06	2000-08
Shimon Peres	2001-03-07	2002-11
Benjamin Netanyahu	2002-11	2003-02-28
Gideon Saar	2024-11

Foreign Minister of Ukraine
Anatoliy Zlenko	1991-12	1994-08
Hennadiy Udovenko	1994-09	1998-04
Borys Tarasyuk	1998-04	2000-10
Anatoliy Zlenko	2000-10	2003-09
Kostyantyn Gryshchenko	2003-09	2005-02
Borys Tarasyuk	2005-02	2006-12
Arseniy Yatsenyuk	2007-03	2007-12
Volodymyr Ohryzko	2007-12	2009-03

Prime Minister of Ukraine
Vitold Fokin	1990-11	1992-10
Leonid Kuchma	1992-10	1993-09
Vitaliy Masol	1994-06	1995-03
Yevhen Marchuk	1995-06	1996-05
Pavlo Lazarenko	1996-05	1997-06
Valeriy Pustovoitenko	1997-07	1999-12
Viktor Yushchenko	1999-12-22	2001-04
Anatoliy Kinakh	2001-05	2002-11
Viktor Yanukovych	2002-11-21	2004-12
"""


def day(date, office, holder, is_end):
    """A term's bound as a day. A month (YYYY-MM) or a year (YYYY) is a date
    known no better: a start counts from the next month or year and an end
    stops on the first day of its own, so the uncertain weeks infer nobody."""
    parts = date.split("-")
    try:
        y, m = int(parts[0]), int(parts[1]) if len(parts) > 1 else None
        if len(parts) == 3:
            return datetime.date(y, m, int(parts[2])).isoformat()
    except ValueError:
        sys.exit(f"{office}: {holder}: bad date {date!r}")
    if is_end:
        return datetime.date(y, m or 1, 1).isoformat()
    if m is None:
        return datetime.date(y + 1, 1, 1).isoformat()
    return datetime.date(y + (m == 12), m % 12 + 1, 1).isoformat()


def overlapping(rows):
    """Two holders of one office on the same day would make the table's
    answer depend on row order: refuse."""
    by_office = {}
    for office, holder, start, end in rows:
        by_office.setdefault(office, []).append((start, end or "9999-12-31", holder))
    for office, terms in by_office.items():
        terms.sort()
        for (s1, e1, h1), (s2, _e2, h2) in zip(terms, terms[1:]):
            if s2 < e1:
                sys.exit(f"{office}: {h1} ({s1}..{e1}) overlaps {h2} (from {s2})")


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
        holder = cols[0]
        start = day(cols[1], office, holder, is_end=False)
        end = day(cols[2], office, holder, is_end=True) if len(cols) > 2 else ""
        if start >= end and end:
            sys.exit(f"{office}: {holder} ends before it starts")
        canonical = known.get(holder, holder)
        if holder not in known:
            unknown.append(holder)
        rows.append((office, canonical, start, end))
    overlapping(rows)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# source: hand-compiled from the public record (official lists of office holders) by the communique project, CC0 1.0; generated by scripts/gen_offices.py, which says what it covers\n"
            "# columns: office	holder (a people.tsv canonical where the gazetteer knows the person)	start (YYYY-MM-DD)	end (YYYY-MM-DD, the successor's first day; empty: in office); a 1st of the month may be a date known only to the month, the uncertain month left out (gen_offices.py)\n"
            "# office: <role> of <country> with a countries.tsv canonical, or of an organisation (United Nations, NATO)\n"
        )
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} terms, {len({r[0] for r in rows})} offices; {len(set(unknown))} holders not in people.tsv")


if __name__ == "__main__":
    main()
