/**
 * Deterministic synthetic members of the professional network: the demo data (`inmail seed`), the
 * benchmarks (a million profiles) and the connection graph between them.
 *
 * Every member is a pure function of `(index, seed)`: a small PRNG (sfc32) is seeded from a hash of
 * both, so member 17 is the same whether 100 or 1,000,000 are generated, in any order, on any run.
 * Faker is used only for its static surname lists (read once at module load); the names therefore
 * follow the faker version pinned in package-lock.json.
 *
 * The data tables (`LOCATIONS`, `COMPANIES_BY_INDUSTRY`, `ROLE_FAMILIES`) are exported so search
 * tests and the benchmark can build realistic queries against the generated population.
 */

import { faker as fakerAfZa } from '@faker-js/faker/locale/af_ZA';
import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerDeCh } from '@faker-js/faker/locale/de_CH';
import { faker as fakerEs } from '@faker-js/faker/locale/es';
import { faker as fakerEsMx } from '@faker-js/faker/locale/es_MX';
import { faker as fakerFr } from '@faker-js/faker/locale/fr';
import { faker as fakerIt } from '@faker-js/faker/locale/it';
import { faker as fakerNl } from '@faker-js/faker/locale/nl';
import { faker as fakerPl } from '@faker-js/faker/locale/pl';
import { faker as fakerSv } from '@faker-js/faker/locale/sv';
import type { Faker } from '@faker-js/faker';
import { SENIORITIES } from '../domain/profile.ts';
import type { Education, Location, MemberProfile, Position, Project, Seniority } from '../domain/profile.ts';

/** "Now" for the synthetic population: fixed, so the data does not drift with the calendar. */
export const REFERENCE_YEAR = 2026;

/** A generated member: a profile without a database id, plus the demo login e-mail. */
export type SyntheticMember = Omit<MemberProfile, 'id'> & { email: string };

// --- industries and companies -----------------------------------------------------------------

/** Industry names, as LinkedIn spells them. */
export const INDUSTRIES = [
  'Software Development',
  'IT Services and IT Consulting',
  'Computer and Network Security',
  'Financial Services',
  'Investment Management',
  'Investment Banking',
  'Banking',
  'Law Practice',
  'Hospitals and Health Care',
  'Pharmaceutical Manufacturing',
  'Accounting',
  'Business Consulting and Services',
  'Retail',
  'Staffing and Recruiting',
  'Advertising Services',
  'Consumer Goods',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** An employer. Without `countries` and `cities` it hires everywhere. */
export interface CompanyInfo {
  name: string;
  /** Relative number of members working there (1 small – 5 huge). */
  size: number;
  /** ISO country codes of its offices, when it is not global. */
  countries?: readonly string[];
  /** Cities it is tied to (hospitals, mostly), when it is not global. */
  cities?: readonly string[];
  /** Invented name: safe to show in screenshots and to make up stories about. */
  fictional?: boolean;
}

const US = ['US'];
const EU_BIG = ['GB', 'IE', 'FR', 'DE', 'NL', 'ES', 'CH', 'SE', 'PL'];
const BIG_LAW = ['US', 'GB', 'DE', 'FR', 'HK', 'SG', 'JP', 'AE'];

/** Well-known real employers per industry plus a few fictional ones. */
export const COMPANIES_BY_INDUSTRY: Readonly<Record<Industry, readonly CompanyInfo[]>> = {
  'Software Development': [
    { name: 'Google', size: 5 },
    { name: 'Microsoft', size: 5 },
    { name: 'Amazon', size: 5 },
    { name: 'Meta', size: 4 },
    { name: 'Apple', size: 4, countries: ['US', 'GB', 'IE', 'DE', 'JP', 'IN', 'IL', 'SG', 'CA'] },
    { name: 'Netflix', size: 2, countries: ['US', 'NL', 'GB', 'JP', 'SG', 'BR', 'MX'] },
    { name: 'Salesforce', size: 4 },
    { name: 'Oracle', size: 3 },
    { name: 'Adobe', size: 3, countries: ['US', 'IN', 'GB', 'DE', 'FR', 'JP', 'AU', 'CA'] },
    { name: 'SAP', size: 4 },
    { name: 'Datadog', size: 2, countries: ['US', 'FR', 'IE', 'NL', 'JP', 'AU', 'SG'] },
    { name: 'Snowflake', size: 2, countries: ['US', 'DE', 'PL', 'GB', 'IN'] },
    { name: 'Databricks', size: 2, countries: ['US', 'NL', 'DE', 'GB', 'IN'] },
    { name: 'Cloudflare', size: 2, countries: ['US', 'GB', 'PT', 'SG', 'MX', 'AU'] },
    { name: 'MongoDB', size: 2, countries: ['US', 'IE', 'GB', 'IN', 'AU'] },
    { name: 'HubSpot', size: 2, countries: ['US', 'IE', 'DE', 'SG', 'AU', 'JP', 'CA'] },
    { name: 'Atlassian', size: 3, countries: ['AU', 'US', 'NL', 'IN', 'NZ'] },
    { name: 'Shopify', size: 3, countries: ['CA', 'US', 'IE', 'DE', 'GB'] },
    { name: 'Uber', size: 3, countries: ['US', 'NL', 'IN', 'GB', 'BR', 'MX'] },
    { name: 'Airbnb', size: 2, countries: ['US', 'IE', 'GB', 'SG', 'IN'] },
    { name: 'Spotify', size: 2, countries: ['SE', 'US', 'GB'] },
    { name: 'GitLab', size: 1 },
    { name: 'Canva', size: 2, countries: ['AU', 'NZ', 'US', 'GB'] },
    { name: 'Xero', size: 1, countries: ['NZ', 'AU', 'GB', 'US'] },
    { name: 'Booking.com', size: 2, countries: ['NL'] },
    { name: 'Mercado Libre', size: 2, countries: ['BR', 'MX', 'AR'] },
    { name: 'Rakuten', size: 2, countries: ['JP'] },
    { name: 'Grab', size: 2, countries: ['SG'] },
    { name: 'Careem', size: 1, countries: ['AE'] },
    { name: 'Wix', size: 1, countries: ['IL'] },
    { name: 'monday.com', size: 1, countries: ['IL', 'US'] },
    { name: 'Flipkart', size: 2, countries: ['IN'] },
    { name: 'Kestrel Labs', size: 1, fictional: true },
    { name: 'Quillstack', size: 1, fictional: true },
    { name: 'Tidewater Cloud', size: 1, fictional: true },
    { name: 'Brightloom Software', size: 1, fictional: true },
  ],
  'IT Services and IT Consulting': [
    { name: 'Accenture', size: 5 },
    { name: 'IBM', size: 4 },
    { name: 'Infosys', size: 3, countries: ['IN', 'US', 'GB', 'DE', 'AU'] },
    { name: 'Tata Consultancy Services', size: 3, countries: ['IN', 'US', 'GB', 'NL', 'JP'] },
    { name: 'Wipro', size: 2, countries: ['IN', 'US', 'GB'] },
    { name: 'Capgemini', size: 3, countries: ['FR', 'IN', 'DE', 'NL', 'GB', 'ES', 'PL', 'US'] },
    { name: 'Cognizant', size: 2, countries: ['IN', 'US', 'GB'] },
    { name: 'Thoughtworks', size: 1, countries: ['US', 'GB', 'DE', 'IN', 'BR', 'AU', 'SG'] },
    { name: 'EPAM Systems', size: 1, countries: ['PL', 'US', 'MX', 'IN', 'ES', 'CH'] },
    { name: 'Globant', size: 1, countries: ['MX', 'BR', 'ES', 'US'] },
    { name: 'NTT DATA', size: 2, countries: ['JP', 'US', 'DE', 'ES', 'IN'] },
    { name: 'Andela', size: 1, countries: ['NG', 'US'] },
    { name: 'Fernway Digital', size: 1, fictional: true },
  ],
  'Computer and Network Security': [
    { name: 'CrowdStrike', size: 2, countries: ['US', 'GB', 'IN', 'AU', 'IL', 'DE'] },
    { name: 'Palo Alto Networks', size: 3, countries: ['US', 'IL', 'IN', 'SG', 'GB', 'NL'] },
    { name: 'Check Point Software Technologies', size: 2, countries: ['IL', 'US', 'GB'] },
    { name: 'Okta', size: 1, countries: ['US', 'GB', 'IE', 'AU', 'CA'] },
    { name: 'Zscaler', size: 1, countries: ['US', 'IN'] },
    { name: 'SentinelOne', size: 1, countries: ['US', 'IL', 'NL'] },
    { name: 'Darktrace', size: 1, countries: ['GB', 'US', 'SG'] },
    { name: 'Wiz', size: 1, countries: ['IL', 'US'] },
    { name: 'Fortinet', size: 2, countries: ['US', 'CA', 'FR', 'IN'] },
    { name: 'Redoubt Security', size: 1, fictional: true },
    { name: 'Ironvale Cyber', size: 1, fictional: true },
  ],
  'Financial Services': [
    { name: 'Stripe', size: 3, countries: ['US', 'IE', 'GB', 'SG', 'JP', 'CA', 'AU', 'DE', 'FR'] },
    { name: 'PayPal', size: 3, countries: ['US', 'IE', 'GB', 'DE', 'IN', 'SG'] },
    { name: 'Visa', size: 3 },
    { name: 'Mastercard', size: 3 },
    { name: 'American Express', size: 3, countries: ['US', 'GB', 'IN', 'MX', 'AU', 'JP'] },
    { name: 'Block', size: 1, countries: ['US', 'AU', 'IE'] },
    { name: 'Robinhood', size: 1, countries: ['US'] },
    { name: 'Revolut', size: 2, countries: ['GB', 'PL', 'ES', 'IN', 'DE'] },
    { name: 'Adyen', size: 2, countries: ['NL', 'US', 'GB', 'SG', 'BR', 'ES'] },
    { name: 'Klarna', size: 2, countries: ['SE', 'DE', 'GB', 'US'] },
    { name: 'Wise', size: 1, countries: ['GB', 'US', 'SG', 'AU'] },
    { name: 'Monzo', size: 1, countries: ['GB'] },
    { name: 'N26', size: 1, countries: ['DE', 'ES'] },
    { name: 'Nubank', size: 2, countries: ['BR', 'MX'] },
    { name: 'Flutterwave', size: 1, countries: ['NG'] },
    { name: 'Paystack', size: 1, countries: ['NG', 'ZA'] },
    { name: 'Ledgerline Payments', size: 1, fictional: true },
    { name: 'Harbor Street Financial', size: 1, fictional: true },
  ],
  'Investment Management': [
    { name: 'BlackRock', size: 4 },
    { name: 'Vanguard', size: 3, countries: ['US', 'GB', 'AU', 'IE'] },
    { name: 'Fidelity Investments', size: 3, countries: ['US', 'IE', 'IN'] },
    { name: 'PIMCO', size: 2, countries: ['US', 'GB', 'DE', 'SG', 'JP', 'HK', 'AU'] },
    { name: 'Bridgewater Associates', size: 1, countries: US },
    { name: 'Citadel', size: 2, countries: ['US', 'GB', 'HK', 'SG', 'IE'] },
    { name: 'Two Sigma', size: 2, countries: ['US', 'GB', 'HK', 'JP'] },
    { name: 'Renaissance Technologies', size: 1, countries: US },
    { name: 'D. E. Shaw & Co.', size: 2, countries: ['US', 'GB', 'IN', 'HK'] },
    { name: 'Jane Street', size: 2, countries: ['US', 'GB', 'HK', 'SG', 'NL'] },
    { name: 'Millennium Management', size: 2, countries: ['US', 'GB', 'SG', 'HK', 'AE', 'IN'] },
    { name: 'AQR Capital Management', size: 1, countries: ['US', 'GB', 'AU'] },
    { name: 'Man Group', size: 1, countries: ['GB', 'US', 'CH', 'HK'] },
    { name: 'Point72', size: 1, countries: ['US', 'GB', 'HK', 'SG'] },
    { name: 'T. Rowe Price', size: 2, countries: ['US', 'GB', 'HK', 'JP', 'AU'] },
    { name: 'State Street Global Advisors', size: 2, countries: ['US', 'GB', 'IE', 'IN', 'AU'] },
    { name: 'Schroders', size: 1, countries: ['GB', 'CH', 'SG', 'HK'] },
    { name: 'Amundi', size: 1, countries: ['FR', 'GB', 'JP', 'SG'] },
    { name: 'GIC', size: 1, countries: ['SG', 'US', 'GB'] },
    { name: 'Bluefin Capital Partners', size: 1, fictional: true },
    { name: 'Sable Ridge Asset Management', size: 1, fictional: true },
  ],
  'Investment Banking': [
    { name: 'Goldman Sachs', size: 4 },
    { name: 'Morgan Stanley', size: 4 },
    { name: 'J.P. Morgan', size: 5 },
    { name: 'Lazard', size: 1, countries: ['US', 'GB', 'FR', 'DE', 'HK', 'AE'] },
    { name: 'Evercore', size: 1, countries: ['US', 'GB', 'DE', 'HK'] },
    { name: 'Rothschild & Co', size: 1, countries: ['GB', 'FR', 'DE', 'US', 'HK', 'SG'] },
    { name: 'Moelis & Company', size: 1, countries: ['US', 'GB', 'HK', 'AE'] },
    { name: 'PJT Partners', size: 1, countries: ['US', 'GB'] },
    { name: 'Centerview Partners', size: 1, countries: ['US', 'GB'] },
    { name: 'Perella Weinberg Partners', size: 1, countries: ['US', 'GB'] },
    { name: 'Jefferies', size: 2, countries: ['US', 'GB', 'DE', 'HK', 'IN'] },
    { name: 'Houlihan Lokey', size: 1, countries: ['US', 'GB', 'DE', 'JP'] },
    { name: 'Nomura', size: 2, countries: ['JP', 'GB', 'US', 'HK', 'SG', 'IN'] },
    { name: 'Ashcombe & Reid Advisory', size: 1, fictional: true },
  ],
  Banking: [
    { name: 'Bank of America', size: 4, countries: ['US', 'GB', 'IE', 'IN', 'SG', 'HK'] },
    { name: 'Citi', size: 4 },
    { name: 'HSBC', size: 4 },
    { name: 'Barclays', size: 3, countries: ['GB', 'US', 'IN', 'IE', 'DE'] },
    { name: 'Deutsche Bank', size: 3, countries: ['DE', 'GB', 'US', 'IN', 'SG', 'PL'] },
    { name: 'BNP Paribas', size: 3, countries: ['FR', 'GB', 'US', 'PL', 'IN', 'HK'] },
    { name: 'UBS', size: 3, countries: ['CH', 'US', 'GB', 'PL', 'HK', 'SG', 'IN'] },
    { name: 'Santander', size: 3, countries: ['ES', 'GB', 'BR', 'MX', 'PL', 'US'] },
    { name: 'BBVA', size: 2, countries: ['ES', 'MX'] },
    { name: 'ING', size: 2, countries: ['NL', 'PL', 'DE', 'ES'] },
    { name: 'Standard Chartered', size: 2, countries: ['GB', 'SG', 'HK', 'AE', 'IN', 'NG'] },
    { name: 'Royal Bank of Canada', size: 2, countries: ['CA', 'US', 'GB'] },
    { name: 'TD Bank', size: 2, countries: ['CA', 'US'] },
    { name: 'Commonwealth Bank', size: 2, countries: ['AU'] },
    { name: 'ANZ', size: 1, countries: ['AU', 'NZ'] },
    { name: 'DBS Bank', size: 2, countries: ['SG', 'HK', 'IN'] },
    { name: 'MUFG', size: 2, countries: ['JP', 'US', 'GB'] },
    { name: 'Itaú Unibanco', size: 2, countries: ['BR'] },
    { name: 'HDFC Bank', size: 2, countries: ['IN'] },
    { name: 'Emirates NBD', size: 1, countries: ['AE'] },
    { name: 'Standard Bank', size: 1, countries: ['ZA', 'NG'] },
    { name: 'Access Bank', size: 1, countries: ['NG'] },
    { name: 'PKO Bank Polski', size: 1, countries: ['PL'] },
    { name: 'SEB', size: 1, countries: ['SE'] },
    { name: 'Bank Leumi', size: 1, countries: ['IL'] },
    { name: 'Zürcher Kantonalbank', size: 1, countries: ['CH'] },
    { name: 'AIB', size: 1, countries: ['IE'] },
    { name: 'First Meridian Bank', size: 1, fictional: true },
  ],
  'Law Practice': [
    { name: 'Kirkland & Ellis', size: 3, countries: BIG_LAW },
    { name: 'Latham & Watkins', size: 3, countries: [...BIG_LAW, 'ES'] },
    { name: 'Skadden, Arps, Slate, Meagher & Flom', size: 2, countries: BIG_LAW },
    { name: 'Sullivan & Cromwell', size: 1, countries: ['US', 'GB', 'FR', 'DE', 'HK', 'JP'] },
    { name: 'Cravath, Swaine & Moore', size: 1, countries: ['US', 'GB'] },
    { name: 'Wachtell, Lipton, Rosen & Katz', size: 1, countries: US },
    { name: 'Davis Polk & Wardwell', size: 1, countries: ['US', 'GB', 'HK'] },
    { name: 'Simpson Thacher & Bartlett', size: 1, countries: ['US', 'GB', 'HK', 'JP'] },
    { name: 'Cooley', size: 2, countries: ['US', 'GB', 'DE'] },
    { name: 'Wilson Sonsini Goodrich & Rosati', size: 1, countries: US },
    { name: 'Baker McKenzie', size: 3 },
    { name: 'DLA Piper', size: 3 },
    { name: 'White & Case', size: 2 },
    { name: 'Hogan Lovells', size: 2 },
    { name: 'Clifford Chance', size: 2, countries: [...EU_BIG, 'US', 'HK', 'SG', 'JP', 'AE'] },
    { name: 'Linklaters', size: 2, countries: [...EU_BIG, 'US', 'HK', 'SG', 'JP', 'AE'] },
    { name: 'A&O Shearman', size: 2, countries: [...EU_BIG, 'US', 'HK', 'SG', 'AE', 'AU'] },
    { name: 'Freshfields', size: 2, countries: ['GB', 'DE', 'FR', 'NL', 'ES', 'US', 'HK', 'JP', 'AE'] },
    { name: 'Slaughter and May', size: 1, countries: ['GB'] },
    { name: 'Herbert Smith Freehills', size: 2, countries: ['GB', 'AU', 'HK', 'SG', 'DE', 'FR'] },
    { name: 'Norton Rose Fulbright', size: 2, countries: ['CA', 'AU', 'GB', 'US', 'ZA'] },
    { name: 'Gleiss Lutz', size: 1, countries: ['DE'] },
    { name: 'Hengeler Mueller', size: 1, countries: ['DE'] },
    { name: 'Bredin Prat', size: 1, countries: ['FR'] },
    { name: 'Uría Menéndez', size: 1, countries: ['ES'] },
    { name: 'Garrigues', size: 1, countries: ['ES', 'MX'] },
    { name: 'De Brauw Blackstone Westbroek', size: 1, countries: ['NL'] },
    { name: 'Homburger', size: 1, countries: ['CH'] },
    { name: 'Lenz & Staehelin', size: 1, countries: ['CH'] },
    { name: 'Arthur Cox', size: 1, countries: ['IE'] },
    { name: 'A&L Goodbody', size: 1, countries: ['IE'] },
    { name: 'Mannheimer Swartling', size: 1, countries: ['SE'] },
    { name: 'Vinge', size: 1, countries: ['SE'] },
    { name: 'Wardyński & Partners', size: 1, countries: ['PL'] },
    { name: 'Herzog Fox & Neeman', size: 1, countries: ['IL'] },
    { name: 'Al Tamimi & Company', size: 1, countries: ['AE'] },
    { name: 'AZB & Partners', size: 1, countries: ['IN'] },
    { name: 'Cyril Amarchand Mangaldas', size: 1, countries: ['IN'] },
    { name: 'Drew & Napier', size: 1, countries: ['SG'] },
    { name: 'Nishimura & Asahi', size: 1, countries: ['JP'] },
    { name: 'Mori Hamada & Matsumoto', size: 1, countries: ['JP'] },
    { name: 'Allens', size: 1, countries: ['AU'] },
    { name: 'Russell McVeagh', size: 1, countries: ['NZ'] },
    { name: 'Bell Gully', size: 1, countries: ['NZ'] },
    { name: 'Torys', size: 1, countries: ['CA', 'US'] },
    { name: 'Osler, Hoskin & Harcourt', size: 1, countries: ['CA'] },
    { name: 'Mattos Filho', size: 1, countries: ['BR'] },
    { name: 'Creel, García-Cuéllar, Aiza y Enríquez', size: 1, countries: ['MX'] },
    { name: 'Banwo & Ighodalo', size: 1, countries: ['NG'] },
    { name: 'Webber Wentzel', size: 1, countries: ['ZA'] },
    { name: 'Ashgrove & Pell LLP', size: 1, fictional: true },
    { name: 'Whitcombe Hale LLP', size: 1, fictional: true },
  ],
  'Hospitals and Health Care': [
    { name: 'NewYork-Presbyterian', size: 2, cities: ['New York'] },
    { name: 'Mount Sinai Health System', size: 2, cities: ['New York'] },
    { name: 'NYU Langone Health', size: 2, cities: ['New York'] },
    { name: 'UCSF Health', size: 2, cities: ['San Francisco'] },
    { name: 'Sutter Health', size: 1, cities: ['San Francisco'] },
    {
      name: 'Kaiser Permanente',
      size: 3,
      cities: ['San Francisco', 'Los Angeles', 'Seattle', 'Denver', 'Atlanta'],
    },
    { name: 'UW Medicine', size: 2, cities: ['Seattle'] },
    { name: 'Swedish Medical Center', size: 1, cities: ['Seattle'] },
    { name: 'Mass General Brigham', size: 3, cities: ['Boston'] },
    { name: "Boston Children's Hospital", size: 1, cities: ['Boston'] },
    { name: 'Northwestern Medicine', size: 2, cities: ['Chicago'] },
    { name: 'Rush University Medical Center', size: 1, cities: ['Chicago'] },
    { name: "St. David's HealthCare", size: 1, cities: ['Austin'] },
    { name: 'Ascension Seton', size: 1, cities: ['Austin'] },
    { name: 'UCHealth', size: 2, cities: ['Denver'] },
    { name: 'Denver Health', size: 1, cities: ['Denver'] },
    { name: 'Mayo Clinic', size: 2, cities: ['Phoenix'] },
    { name: 'Banner Health', size: 2, cities: ['Phoenix'] },
    { name: 'HonorHealth', size: 1, cities: ['Phoenix'] },
    { name: 'Emory Healthcare', size: 2, cities: ['Atlanta'] },
    { name: 'Piedmont Healthcare', size: 1, cities: ['Atlanta'] },
    { name: 'Cedars-Sinai', size: 2, cities: ['Los Angeles'] },
    { name: 'UCLA Health', size: 2, cities: ['Los Angeles'] },
    { name: 'University Health Network', size: 2, cities: ['Toronto'] },
    { name: 'SickKids', size: 1, cities: ['Toronto'] },
    { name: 'Sunnybrook Health Sciences Centre', size: 1, cities: ['Toronto'] },
    { name: 'Hospital Ángeles', size: 1, cities: ['Mexico City'] },
    { name: 'Médica Sur', size: 1, cities: ['Mexico City'] },
    { name: 'Instituto Mexicano del Seguro Social', size: 2, cities: ['Mexico City'] },
    { name: 'Hospital Israelita Albert Einstein', size: 2, cities: ['São Paulo'] },
    { name: 'Hospital Sírio-Libanês', size: 1, cities: ['São Paulo'] },
    { name: 'Hospital das Clínicas da FMUSP', size: 1, cities: ['São Paulo'] },
    { name: "Guy's and St Thomas' NHS Foundation Trust", size: 2, cities: ['London'] },
    { name: 'Imperial College Healthcare NHS Trust', size: 2, cities: ['London'] },
    { name: 'Cleveland Clinic London', size: 1, cities: ['London'] },
    { name: "St. James's Hospital", size: 1, cities: ['Dublin'] },
    { name: 'Mater Misericordiae University Hospital', size: 1, cities: ['Dublin'] },
    { name: 'Beaumont Hospital', size: 1, cities: ['Dublin'] },
    { name: 'AP-HP', size: 3, cities: ['Paris'] },
    { name: 'Institut Curie', size: 1, cities: ['Paris'] },
    { name: 'Charité – Universitätsmedizin Berlin', size: 3, cities: ['Berlin'] },
    { name: 'Vivantes', size: 2, cities: ['Berlin'] },
    { name: 'Helios Klinikum Berlin-Buch', size: 1, cities: ['Berlin'] },
    { name: 'LMU Klinikum', size: 2, cities: ['Munich'] },
    { name: 'Klinikum rechts der Isar', size: 1, cities: ['Munich'] },
    { name: 'Amsterdam UMC', size: 2, cities: ['Amsterdam'] },
    { name: 'OLVG', size: 1, cities: ['Amsterdam'] },
    { name: 'Universitätsspital Zürich', size: 2, cities: ['Zurich'] },
    { name: 'Hirslanden', size: 1, cities: ['Zurich'] },
    { name: 'Hospital Universitario La Paz', size: 2, cities: ['Madrid'] },
    { name: 'Hospital Clínico San Carlos', size: 1, cities: ['Madrid'] },
    { name: 'Karolinska University Hospital', size: 2, cities: ['Stockholm'] },
    { name: 'Capio S:t Görans Sjukhus', size: 1, cities: ['Stockholm'] },
    { name: 'Medicover', size: 1, cities: ['Warsaw'] },
    { name: 'Uniwersyteckie Centrum Kliniczne WUM', size: 1, cities: ['Warsaw'] },
    { name: 'Sheba Medical Center', size: 2, cities: ['Tel Aviv'] },
    { name: 'Tel Aviv Sourasky Medical Center', size: 2, cities: ['Tel Aviv'] },
    { name: 'Mediclinic Middle East', size: 1, cities: ['Dubai'] },
    { name: 'Dubai Health', size: 2, cities: ['Dubai'] },
    { name: 'Lagos University Teaching Hospital', size: 2, cities: ['Lagos'] },
    { name: 'Reddington Hospital', size: 1, cities: ['Lagos'] },
    { name: 'Netcare', size: 2, cities: ['Johannesburg'] },
    { name: 'Life Healthcare', size: 1, cities: ['Johannesburg'] },
    { name: 'Apollo Hospitals', size: 2, cities: ['Bangalore'] },
    { name: 'Manipal Hospitals', size: 2, cities: ['Bangalore'] },
    { name: 'Narayana Health', size: 1, cities: ['Bangalore'] },
    { name: 'Singapore General Hospital', size: 2, cities: ['Singapore'] },
    { name: 'National University Hospital', size: 1, cities: ['Singapore'] },
    { name: 'Mount Elizabeth Hospital', size: 1, cities: ['Singapore'] },
    { name: 'Hospital Authority', size: 3, cities: ['Hong Kong'] },
    { name: 'Hong Kong Sanatorium & Hospital', size: 1, cities: ['Hong Kong'] },
    { name: 'Matilda International Hospital', size: 1, cities: ['Hong Kong'] },
    { name: "St. Luke's International Hospital", size: 1, cities: ['Tokyo'] },
    { name: 'The University of Tokyo Hospital', size: 1, cities: ['Tokyo'] },
    { name: 'Toranomon Hospital', size: 1, cities: ['Tokyo'] },
    { name: 'Royal Prince Alfred Hospital', size: 2, cities: ['Sydney'] },
    { name: "St Vincent's Hospital Sydney", size: 1, cities: ['Sydney'] },
    { name: 'Te Whatu Ora – Health New Zealand', size: 2, cities: ['Auckland'] },
    { name: 'Mercy Ascot Hospital', size: 1, cities: ['Auckland'] },
    { name: 'Southern Cross Healthcare', size: 1, cities: ['Auckland'] },
    { name: 'HCA Healthcare', size: 2, cities: ['Austin', 'Denver', 'Atlanta', 'Phoenix', 'London'] },
  ],
  'Pharmaceutical Manufacturing': [
    { name: 'Pfizer', size: 3 },
    { name: 'Johnson & Johnson', size: 3 },
    { name: 'Roche', size: 3 },
    { name: 'Novartis', size: 3 },
    { name: 'AstraZeneca', size: 3 },
    { name: 'Merck & Co.', size: 2, countries: ['US', 'GB', 'IE', 'CH', 'JP'] },
    { name: 'Sanofi', size: 2 },
    { name: 'GSK', size: 2 },
    { name: 'Novo Nordisk', size: 2 },
    { name: 'Bayer', size: 2 },
    { name: 'Takeda', size: 2, countries: ['JP', 'US', 'CH', 'IE'] },
    { name: 'Moderna', size: 1, countries: ['US', 'GB', 'CA', 'AU'] },
    { name: 'Cobalt Bay Therapeutics', size: 1, fictional: true },
  ],
  Accounting: [
    { name: 'Deloitte', size: 5 },
    { name: 'PwC', size: 5 },
    { name: 'EY', size: 5 },
    { name: 'KPMG', size: 5 },
    { name: 'Grant Thornton', size: 2 },
    { name: 'BDO', size: 2 },
    { name: 'RSM', size: 1 },
    { name: 'Hollis Kerr & Co.', size: 1, fictional: true },
  ],
  'Business Consulting and Services': [
    { name: 'McKinsey & Company', size: 2 },
    { name: 'Boston Consulting Group (BCG)', size: 2 },
    { name: 'Bain & Company', size: 2 },
    { name: 'Oliver Wyman', size: 1 },
    { name: 'Kearney', size: 1 },
    { name: 'Roland Berger', size: 1, countries: ['DE', 'FR', 'CH', 'US', 'JP'] },
    { name: 'Fernhill Advisory', size: 1, fictional: true },
  ],
  Retail: [
    { name: 'Walmart', size: 4, countries: ['US', 'MX', 'CA', 'IN'] },
    { name: 'Target', size: 2, countries: ['US', 'IN'] },
    { name: 'Costco Wholesale', size: 2, countries: ['US', 'CA', 'MX', 'JP', 'AU', 'GB'] },
    { name: 'IKEA', size: 2 },
    { name: 'Inditex', size: 2, countries: ['ES', 'FR', 'DE', 'GB', 'US', 'MX'] },
    { name: 'H&M Group', size: 2, countries: ['SE', 'DE', 'GB', 'US', 'IN', 'ES'] },
    { name: 'Tesco', size: 2, countries: ['GB', 'IE', 'IN'] },
    { name: 'Carrefour', size: 2, countries: ['FR', 'ES', 'BR'] },
    { name: 'Lidl', size: 2, countries: ['DE', 'FR', 'ES', 'NL', 'PL', 'GB', 'IE'] },
    { name: 'Zalando', size: 1, countries: ['DE', 'IE'] },
    { name: 'Woolworths Group', size: 1, countries: ['AU', 'NZ'] },
    { name: 'Loblaw Companies', size: 1, countries: ['CA'] },
    { name: 'Magazine Luiza', size: 1, countries: ['BR'] },
    { name: 'El Puerto de Liverpool', size: 1, countries: ['MX'] },
    { name: 'Noon', size: 1, countries: ['AE'] },
    { name: 'Jumia', size: 1, countries: ['NG'] },
    { name: 'Shoprite', size: 1, countries: ['ZA', 'NG'] },
    { name: 'Fast Retailing', size: 1, countries: ['JP', 'SG', 'HK'] },
    { name: 'Cartwell Stores', size: 1, fictional: true },
  ],
  'Staffing and Recruiting': [
    { name: 'Robert Half', size: 2 },
    { name: 'Randstad', size: 3 },
    { name: 'Adecco', size: 3 },
    { name: 'Hays', size: 2 },
    { name: 'Michael Page', size: 2 },
    { name: 'Korn Ferry', size: 1 },
    { name: 'Heidrick & Struggles', size: 1 },
    { name: 'TEKsystems', size: 2, countries: ['US', 'CA', 'GB', 'DE', 'IN'] },
    { name: 'Major, Lindsey & Africa', size: 1, countries: ['US', 'GB', 'HK', 'SG'] },
    { name: 'Brightpath Talent', size: 1, fictional: true },
    { name: 'Keystone Legal Search', size: 1, fictional: true },
  ],
  'Advertising Services': [
    { name: 'WPP', size: 2 },
    { name: 'Ogilvy', size: 2 },
    { name: 'Publicis Groupe', size: 2 },
    { name: 'Omnicom', size: 2 },
    { name: 'Dentsu', size: 2 },
    { name: 'Havas', size: 1 },
    { name: 'Interpublic Group', size: 1, countries: ['US', 'GB', 'DE', 'IN'] },
    { name: 'Marigold & Finch', size: 1, fictional: true },
  ],
  'Consumer Goods': [
    { name: 'Procter & Gamble', size: 3 },
    { name: 'Unilever', size: 3 },
    { name: 'Nestlé', size: 3 },
    { name: "L'Oréal", size: 2 },
    { name: 'Nike', size: 2, countries: ['US', 'NL', 'GB', 'CN', 'JP', 'MX'] },
    { name: 'PepsiCo', size: 2 },
    { name: 'The Coca-Cola Company', size: 2 },
    { name: 'Diageo', size: 1 },
    { name: 'LVMH', size: 1, countries: ['FR', 'US', 'GB', 'JP', 'HK', 'SG', 'AE'] },
    { name: 'Danone', size: 1 },
    { name: 'Beiersdorf', size: 1, countries: ['DE', 'MX', 'BR'] },
    { name: 'adidas', size: 1, countries: ['DE', 'NL', 'US', 'JP'] },
    { name: 'Natura &Co', size: 1, countries: ['BR', 'MX'] },
    { name: 'Grupo Bimbo', size: 1, countries: ['MX', 'US'] },
    { name: 'Oakhurst Brands', size: 1, fictional: true },
  ],
};

// --- names ------------------------------------------------------------------------------------

type NameCulture =
  | 'en'
  | 'ie'
  | 'mx'
  | 'es'
  | 'pt'
  | 'fr'
  | 'de'
  | 'ch'
  | 'nl'
  | 'sv'
  | 'pl'
  | 'it'
  | 'he'
  | 'ar'
  | 'in'
  | 'zh'
  | 'hk'
  | 'sg'
  | 'ja'
  | 'ko'
  | 'ng'
  | 'za'
  | 'mi';

interface NameData {
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
  /** A long tail of surnames from faker, drawn for 40% of members to widen the variety. */
  moreLast?: readonly string[];
  /** Languages a member of this culture may list besides English (one is drawn). */
  languages: readonly string[];
  /** How often such a member lists that language. */
  languageShare: number;
}

const split = (s: string): readonly string[] => s.split('|');

function fakerSurnames(f: Faker): readonly string[] {
  const names = f.rawDefinitions.person?.last_name?.generic ?? [];
  // Drop anything that would look odd in a profile (digits, patterns, one-letter names).
  return names.filter((n) => n.length > 1 && /^[\p{L}][\p{L}' -]*$/u.test(n));
}

const NAMES: Readonly<Record<NameCulture, NameData>> = {
  en: {
    male: split(
      'James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Christopher|Daniel|Matthew|Anthony|Mark|Andrew|Joshua|Ryan|Kevin|Brian|Jason|Justin|Eric|Benjamin|Samuel|Nathan|Tyler|Jacob|Ethan|Noah|Liam|Oliver|Jack|Harry|George|Charlie|Owen|Lucas|Henry|Alexander|Patrick|Scott|Adam|Jonathan|Peter|Stephen|Gregory|Aaron|Kyle|Jordan|Zachary|Dylan|Logan|Marcus|Trevor|Evan|Connor|Caleb|Isaac|Max|Theo',
    ),
    female: split(
      'Mary|Jennifer|Jessica|Sarah|Emily|Elizabeth|Ashley|Amanda|Stephanie|Nicole|Rachel|Lauren|Megan|Hannah|Olivia|Emma|Charlotte|Amelia|Sophie|Grace|Chloe|Zoë|Zoe|Abigail|Madison|Katherine|Rebecca|Laura|Michelle|Kimberly|Natalie|Victoria|Claire|Alice|Lucy|Anna|Julia|Caroline|Samantha|Allison|Kelly|Heather|Melissa|Erin|Molly|Ella|Isla|Harper|Avery|Brooke|Morgan|Taylor|Jasmine|Renée|Holly|Georgia|Eleanor|Imogen|Leah|Paige',
    ),
    last: split(
      "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore|Jackson|Martin|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Hill|Green|Adams|Baker|Nelson|Carter|Mitchell|Roberts|Turner|Phillips|Campbell|Parker|Evans|Edwards|Collins|Stewart|Morris|Murphy|Cook|Rogers|Morgan|Cooper|Peterson|Reed|Bailey|Bell|Kelly|Howard|Ward|Cox|Richardson|Wood|Watson|Brooks|Bennett|Gray|Hughes|Price|Sanders|Myers|Long|Ross|Foster|Powell|Jenkins|Perry|Russell|Sullivan|Fisher|Henderson|Hayes|Hamilton|Graham|Wallace|Cole|West|Jordan|Reynolds|Ellis|Harrison|Gibson|McDonald|Marshall|Owens|Kennedy|Wells|Hunt|Hudson|Palmer|O'Connor|Fletcher|Walsh|Holmes|Shaw|Chapman|Webb|Barker|Lawson|Burke|Fitzgerald|Spencer|Dawson|Hart|Knight|Porter|Warren|Fox|Stone|Hawkins|Lane|Bishop|MacLeod|Sinclair|Whitaker|Pearson|Doyle",
    ),
    languages: [],
    languageShare: 0,
  },
  ie: {
    male: split(
      'Seán|Ciarán|Conor|Cian|Darragh|Eoin|Oisín|Liam|Patrick|Niall|Declan|Ronan|Pádraig|Colm|Fionn|Cathal|Dónal|Brendan|Kevin|Shane|Aidan|Cillian|Diarmuid|Éamon',
    ),
    female: split(
      'Aoife|Siobhán|Niamh|Caoimhe|Saoirse|Róisín|Orla|Aisling|Clodagh|Sinéad|Ciara|Gráinne|Áine|Emer|Méabh|Sorcha|Eimear|Nuala|Mairéad|Deirdre|Síle|Clíona',
    ),
    last: split(
      "Murphy|Kelly|O'Sullivan|Walsh|O'Brien|Byrne|Ryan|O'Connor|O'Neill|O'Reilly|Doyle|McCarthy|Gallagher|Doherty|Kennedy|Lynch|Murray|Quinn|Moore|McLoughlin|Carroll|Connolly|Daly|O'Connell|Fitzgerald|Brennan|Kavanagh|Nolan|Ó Briain|Mac Giolla|Flanagan|Keane|Duffy|Hennessy|Whelan",
    ),
    languages: ['Irish'],
    languageShare: 0.15,
  },
  mx: {
    male: split(
      'José|Juan|Luis|Carlos|Jorge|Miguel|Alejandro|Fernando|Ricardo|Eduardo|Javier|Francisco|Diego|Sergio|Andrés|Daniel|Roberto|Héctor|Raúl|Óscar|Emilio|Santiago|Mateo|Arturo|Gerardo|Iván|Rodrigo|Pablo|Manuel|Jesús|José Luis|Juan Pablo',
    ),
    female: split(
      'María|Guadalupe|Ana|Sofía|Valentina|Camila|Mariana|Daniela|Fernanda|Gabriela|Lucía|Isabel|Ximena|Andrea|Paola|Alejandra|Verónica|Claudia|Natalia|Regina|Renata|Adriana|Karla|Mónica|Patricia|Itzel|Lorena|Diana|Carolina|Beatriz|María José|Ana Sofía',
    ),
    last: split(
      'Hernández|García|Martínez|López|González|Pérez|Rodríguez|Sánchez|Ramírez|Cruz|Flores|Gómez|Morales|Vázquez|Reyes|Jiménez|Torres|Díaz|Gutiérrez|Ruiz|Mendoza|Aguilar|Ortiz|Moreno|Castillo|Romero|Álvarez|Méndez|Chávez|Rivera|Juárez|Ramos|Domínguez|Herrera|Medina|Castro|Vargas|Guzmán|Velázquez|Rojas',
    ),
    moreLast: fakerSurnames(fakerEsMx),
    languages: ['Spanish'],
    languageShare: 0.95,
  },
  es: {
    male: split(
      'Antonio|Manuel|José|Francisco|David|Juan|Javier|Daniel|Carlos|Jesús|Alejandro|Miguel|Rafael|Pablo|Sergio|Álvaro|Jorge|Alberto|Adrián|Diego|Rubén|Iván|Hugo|Marcos|Íñigo|Jordi|Pau|Mario|Raúl|Víctor',
    ),
    female: split(
      'María|Carmen|Ana|Laura|Lucía|Marta|Cristina|Elena|Paula|Sara|Isabel|Raquel|Nuria|Silvia|Irene|Beatriz|Alba|Patricia|Rocío|Andrea|Claudia|Inés|Pilar|Teresa|Julia|Noelia|Ainhoa|Montserrat|Begoña|Sofía',
    ),
    last: split(
      'García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Hernández|Ruiz|Díaz|Moreno|Muñoz|Álvarez|Romero|Gutiérrez|Alonso|Navarro|Torres|Domínguez|Ramos|Vázquez|Gil|Serrano|Blanco|Molina|Morales|Suárez|Ortega|Delgado|Castro|Ortiz|Rubio|Marín|Sanz|Iglesias|Núñez',
    ),
    moreLast: fakerSurnames(fakerEs),
    languages: ['Spanish'],
    languageShare: 0.95,
  },
  pt: {
    male: split(
      'João|Pedro|Lucas|Gabriel|Rafael|Matheus|Gustavo|Felipe|Bruno|Thiago|Rodrigo|Leonardo|Guilherme|André|Daniel|Marcelo|Eduardo|Fernando|Ricardo|Vinícius|Caio|Diego|Henrique|Luiz|Paulo|Carlos|Marcos|Renato|Fábio|Otávio',
    ),
    female: split(
      'Ana|Maria|Juliana|Fernanda|Camila|Beatriz|Larissa|Amanda|Mariana|Gabriela|Letícia|Patrícia|Aline|Bruna|Carolina|Luana|Isabela|Renata|Vanessa|Natália|Priscila|Débora|Tatiana|Júlia|Bianca|Raquel|Luciana|Cristina|Sabrina|Thaís',
    ),
    last: split(
      'Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro|Martins|Carvalho|Almeida|Lopes|Soares|Fernandes|Vieira|Barbosa|Rocha|Dias|Nascimento|Andrade|Moreira|Nunes|Marques|Machado|Mendes|Freitas|Cardoso|Ramos|Gonçalves|Santana|Teixeira|Araújo|Cavalcanti|Monteiro|Moraes|Azevedo',
    ),
    languages: ['Portuguese'],
    languageShare: 0.95,
  },
  fr: {
    male: split(
      'Jean|Pierre|Nicolas|Thomas|Julien|Antoine|Maxime|Alexandre|Guillaume|Romain|Mathieu|François|Sébastien|Olivier|Laurent|Vincent|Benoît|Clément|Hugo|Louis|Lucas|Théo|Arthur|Paul|Jérôme|Cédric|Étienne|Raphaël|Adrien|Bastien',
    ),
    female: split(
      'Marie|Camille|Julie|Sophie|Léa|Manon|Chloé|Emma|Sarah|Pauline|Claire|Céline|Aurélie|Émilie|Mathilde|Laura|Anaïs|Élodie|Hélène|Charlotte|Margaux|Juliette|Inès|Lucie|Clémence|Audrey|Nathalie|Isabelle|Amélie|Océane',
    ),
    last: split(
      'Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefebvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Lefèvre|Mercier|Dupont|Lambert|Bonnet|François|Martinez|Legrand|Garnier|Faure|Rousseau|Blanc|Guérin|Muller|Henry|Roussel|Nicolas|Perrin|Morin|Mathieu|Clément|Gauthier|Dumont|Lopez|Fontaine|Chevalier|Robin',
    ),
    moreLast: fakerSurnames(fakerFr),
    languages: ['French'],
    languageShare: 0.95,
  },
  de: {
    male: split(
      'Thomas|Michael|Andreas|Stefan|Christian|Markus|Alexander|Daniel|Tobias|Jan|Florian|Sebastian|Matthias|Lukas|Jonas|Felix|Maximilian|Philipp|Julian|Niklas|Tim|Moritz|Paul|Leon|Jürgen|Uwe|Jörg|Björn|Sven|Dominik',
    ),
    female: split(
      'Anna|Julia|Laura|Lena|Sarah|Katharina|Lisa|Hannah|Sophie|Marie|Lea|Johanna|Franziska|Christina|Sandra|Nicole|Stefanie|Melanie|Sabine|Claudia|Anja|Jana|Miriam|Carolin|Theresa|Vanessa|Annika|Kerstin|Antje|Jördis',
    ),
    last: split(
      'Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Schmitt|Werner|Schmitz|Krause|Meier|Lehmann|Schmid|Schulze|Maier|Köhler|Herrmann|König|Walter|Mayer|Huber|Kaiser|Fuchs|Peters|Lang|Scholz|Möller|Weiß|Jung|Hahn|Schubert',
    ),
    moreLast: fakerSurnames(fakerDe),
    languages: ['German'],
    languageShare: 0.95,
  },
  ch: {
    male: split(
      'Daniel|Thomas|Martin|Peter|Marco|Andreas|Reto|Urs|Beat|Lukas|Simon|Stefan|Christian|Michael|Patrick|Roger|Adrian|Fabian|Luca|Nicolas|Matthias|Dominik|Jonas|Pascal|Raphael',
    ),
    female: split(
      'Sandra|Nicole|Andrea|Barbara|Claudia|Daniela|Sarah|Laura|Anna|Julia|Lea|Nadine|Corinne|Simone|Manuela|Regula|Franziska|Monika|Chantal|Céline|Ursula|Sabrina|Martina|Jasmin|Mirjam',
    ),
    last: split(
      'Müller|Meier|Schmid|Keller|Weber|Huber|Schneider|Meyer|Steiner|Fischer|Gerber|Brunner|Baumann|Frei|Zimmermann|Moser|Widmer|Wyss|Graf|Roth|Bühler|Kälin|Gisler|Hürlimann|Zürcher|Lüthi|Marti|Stucki|Vogel|Suter',
    ),
    moreLast: fakerSurnames(fakerDeCh),
    languages: ['German'],
    languageShare: 0.95,
  },
  nl: {
    male: split(
      'Daan|Sem|Lucas|Thijs|Jesse|Bram|Lars|Ruben|Tim|Niels|Jeroen|Bas|Sander|Joris|Maarten|Pieter|Wouter|Stijn|Koen|Rik|Jasper|Thomas|Martijn|Erik|Sven',
    ),
    female: split(
      'Emma|Sophie|Julia|Lotte|Anna|Lisa|Eva|Sanne|Fleur|Iris|Femke|Anouk|Marloes|Ilse|Esther|Marieke|Noor|Roos|Lieke|Maud|Eline|Floor|Zoë|Mirjam|Charlotte',
    ),
    last: split(
      'de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen',
    ),
    moreLast: fakerSurnames(fakerNl),
    languages: ['Dutch'],
    languageShare: 0.95,
  },
  sv: {
    male: split(
      'Erik|Lars|Anders|Johan|Karl|Per|Mikael|Nils|Jonas|Björn|Fredrik|Henrik|Oskar|Gustav|Axel|Viktor|Emil|Filip|Linus|Magnus|Mattias|Andreas|Daniel|Olof|Pontus',
    ),
    female: split(
      'Anna|Maria|Karin|Sara|Emma|Elin|Ida|Linnea|Johanna|Sofia|Maja|Ebba|Frida|Malin|Hanna|Åsa|Klara|Astrid|Matilda|Ingrid|Cecilia|Lisa|Julia|Elsa|Märta',
    ),
    last: split(
      'Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|Svensson|Gustafsson|Pettersson|Jonsson|Jansson|Hansson|Bengtsson|Jönsson|Lindberg|Jakobsson|Magnusson|Lindström|Olofsson|Lindqvist|Lindgren|Berg|Axelsson|Bergström|Lundberg|Lind|Lundgren|Lundqvist|Mattsson|Berglund|Fredriksson|Sandberg|Henriksson|Sjöberg|Åberg|Engström|Holm|Nyström',
    ),
    moreLast: fakerSurnames(fakerSv),
    languages: ['Swedish'],
    languageShare: 0.95,
  },
  pl: {
    male: split(
      'Piotr|Krzysztof|Andrzej|Tomasz|Paweł|Michał|Marcin|Łukasz|Jakub|Mateusz|Kamil|Marek|Grzegorz|Adam|Rafał|Wojciech|Maciej|Szymon|Bartosz|Dawid|Damian|Sebastian|Przemysław|Jan|Kacper',
    ),
    female: split(
      'Anna|Maria|Katarzyna|Małgorzata|Agnieszka|Barbara|Ewa|Magdalena|Joanna|Aleksandra|Monika|Zofia|Natalia|Karolina|Marta|Julia|Paulina|Weronika|Dorota|Justyna|Beata|Izabela|Agata|Zuzanna|Oliwia',
    ),
    last: split(
      'Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Kwiatkowski|Wojciechowski|Krawczyk|Kaczmarek|Piotrowski|Grabowski|Zając|Pawłowski|Michalski|Król|Wieczorek|Jabłoński|Wróbel|Nowakowski|Majewski|Olszewski|Stępień|Malinowski|Jaworski|Adamczyk|Dudek|Nowicki|Pawlak|Górski|Witkowski|Walczak',
    ),
    moreLast: fakerSurnames(fakerPl),
    languages: ['Polish'],
    languageShare: 0.95,
  },
  it: {
    male: split(
      'Marco|Alessandro|Andrea|Luca|Francesco|Matteo|Lorenzo|Davide|Simone|Federico|Giuseppe|Giovanni|Stefano|Riccardo|Paolo|Roberto|Fabio|Nicola|Gabriele|Tommaso',
    ),
    female: split(
      'Giulia|Francesca|Chiara|Sara|Martina|Valentina|Alessia|Elisa|Federica|Silvia|Laura|Elena|Giorgia|Alice|Beatrice|Serena|Claudia|Paola|Ilaria|Camilla',
    ),
    last: split(
      'Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|Rinaldi|Caruso|Ferrara|Galli|Martini|Leone',
    ),
    moreLast: fakerSurnames(fakerIt),
    languages: ['Italian'],
    languageShare: 0.9,
  },
  he: {
    male: split(
      'Yosef|David|Daniel|Ariel|Noam|Itai|Omer|Yonatan|Eitan|Amit|Guy|Tomer|Avi|Moshe|Uri|Yuval|Roi|Nadav|Gal|Ido|Eyal|Oren|Ron|Lior|Shai',
    ),
    female: split(
      'Noa|Tamar|Maya|Shira|Yael|Michal|Adi|Hila|Inbal|Gali|Talia|Noga|Roni|Dana|Keren|Efrat|Sivan|Liat|Yaara|Orly|Avital|Rotem|Hadas|Meital|Shani',
    ),
    last: split(
      'Cohen|Levi|Mizrahi|Peretz|Biton|Friedman|Dahan|Avraham|Katz|Azoulay|Shapiro|Goldberg|Ben-David|Rosenberg|Klein|Ohana|Segal|Ashkenazi|Weiss|Levin|Ben-Ami|Hadad|Amar|Golan|Shalom|Barak|Carmel|Kaplan|Stern|Gabay',
    ),
    languages: ['Hebrew'],
    languageShare: 0.9,
  },
  ar: {
    male: split(
      'Mohammed|Ahmed|Ali|Omar|Khalid|Abdullah|Youssef|Hassan|Hussein|Karim|Tariq|Faisal|Hamza|Saeed|Rashid|Ibrahim|Mustafa|Samir|Nabil|Ziad|Fadi|Rami|Walid|Sultan|Majid',
    ),
    female: split(
      'Fatima|Aisha|Mariam|Noura|Layla|Sara|Huda|Rania|Lina|Dina|Hala|Reem|Salma|Yasmin|Amal|Nadia|Hana|Maha|Shaikha|Dana|Rasha|Farah|Leen|Jana|Zainab',
    ),
    last: split(
      'Al Mansouri|Al Hashimi|Al Nuaimi|Al Suwaidi|Al Falasi|Al Shamsi|Haddad|Khoury|Nasser|Saleh|Hamdan|Aziz|Farouk|Mansour|Khalil|Salem|Ibrahim|Abdallah|Youssef|El-Sayed|Hassan|Rahman|Qasim|Darwish|Najjar|Sabbagh|Tamimi|Obeid|Kassab|Hijazi',
    ),
    languages: ['Arabic'],
    languageShare: 0.9,
  },
  in: {
    male: split(
      'Rahul|Amit|Rohit|Vikram|Arjun|Aditya|Karthik|Siddharth|Pranav|Rajesh|Suresh|Anand|Vivek|Nikhil|Sandeep|Ravi|Varun|Abhishek|Ankit|Manish|Sanjay|Harsh|Kunal|Deepak|Ajay|Srinivas|Venkatesh|Akash|Rohan|Gaurav',
    ),
    female: split(
      'Priya|Ananya|Divya|Pooja|Neha|Sneha|Kavya|Aishwarya|Shreya|Anjali|Deepika|Meera|Lakshmi|Nisha|Swati|Ritu|Aarti|Shweta|Isha|Sanjana|Rashmi|Nandini|Radhika|Pallavi|Tanvi|Kriti|Aditi|Bhavana|Sowmya|Harini',
    ),
    last: split(
      'Sharma|Patel|Singh|Kumar|Gupta|Reddy|Iyer|Nair|Rao|Agarwal|Mehta|Shah|Joshi|Desai|Menon|Pillai|Krishnan|Bhat|Kapoor|Malhotra|Chopra|Banerjee|Chatterjee|Mukherjee|Das|Verma|Mishra|Srinivasan|Subramanian|Naidu|Kulkarni|Jain|Saxena|Bose|Ghosh|Chandra|Venkataraman|Hegde|Shetty|Thakur',
    ),
    languages: [
      'Hindi',
      'Hindi',
      'Kannada',
      'Tamil',
      'Telugu',
      'Marathi',
      'Bengali',
      'Malayalam',
      'Gujarati',
    ],
    languageShare: 0.8,
  },
  zh: {
    male: split(
      'Wei|Jun|Hao|Lei|Yang|Jie|Tao|Peng|Bo|Ming|Qiang|Yong|Jian|Xin|Yu|Zhiwei|Haoran|Zihan|Yichen|Jiahao|Tianyu|Kai|Rui|Long|Feng|Bin|Shuai|Zhen|Xiang|Chao',
    ),
    female: split(
      'Jing|Li|Ying|Xin|Yan|Fang|Mei|Hui|Lan|Xiaoyu|Yuxin|Ruoxi|Siyu|Wenjing|Jiayi|Xinyi|Yiran|Shu|Qian|Ling|Yue|Na|Ting|Min|Hong',
    ),
    last: split(
      'Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Gao|Luo|Zheng|Liang|Xie|Song|Tang|Han|Feng|Deng|Cao|Peng',
    ),
    languages: ['Mandarin'],
    languageShare: 0.9,
  },
  hk: {
    male: split(
      'Kelvin|Kenneth|Raymond|Alan|Vincent|Eric|Jason|Tony|Derek|Calvin|Wilson|Edmund|Ivan|Gary|Patrick|Terence|Dickson|Jacky|Justin|Ka Ho|Chun Wai|Wai Ming|Ho Yin',
    ),
    female: split(
      'Winnie|Karen|Cindy|Vivian|Joyce|Angela|Carmen|Fiona|Gloria|Queenie|Teresa|Iris|Mandy|Phoebe|Yvonne|Connie|Kitty|Ka Yan|Wing Yee|Hoi Ling',
    ),
    last: split(
      'Chan|Wong|Lee|Cheung|Lau|Ho|Leung|Ng|Yip|Tang|Lam|Chow|Tsang|Kwok|Fung|Yeung|Chu|Mak|Tse|Lai|Siu|Cheng|Kwan|Poon|Choi',
    ),
    languages: ['Cantonese', 'Cantonese', 'Mandarin'],
    languageShare: 0.9,
  },
  sg: {
    male: split(
      'Marcus|Darren|Jonathan|Benjamin|Ryan|Desmond|Kenneth|Eugene|Gabriel|Shawn|Jun Wei|Wei Ming|Zhi Hao|Kai Xiang|Jia Jun|Wen Jie',
    ),
    female: split(
      'Rachel|Michelle|Cheryl|Jasmine|Charmaine|Joanne|Germaine|Felicia|Jia Hui|Hui Min|Xin Yi|Wei Ling|Shu Fen|Li Ting|Sharon|Pei Shan',
    ),
    last: split('Tan|Lim|Lee|Ng|Ong|Wong|Goh|Chua|Chan|Koh|Teo|Ang|Yeo|Tay|Ho|Low|Toh|Sim|Chong|Chia'),
    languages: ['Mandarin', 'Mandarin', 'Malay', 'Hokkien'],
    languageShare: 0.75,
  },
  ja: {
    male: split(
      'Hiroshi|Takashi|Kenji|Yuki|Daisuke|Takumi|Haruto|Sota|Ryota|Kazuki|Shota|Naoki|Kenta|Yusuke|Tatsuya|Satoshi|Akira|Koji|Masato|Yuto|Ren|Sho|Kaito|Taro|Yoshiaki',
    ),
    female: split(
      'Yuki|Aiko|Sakura|Yui|Haruka|Misaki|Mai|Ayaka|Nanami|Emi|Naoko|Yoko|Keiko|Akiko|Rina|Saki|Mio|Hina|Yumi|Kana|Megumi|Ayumi|Tomoko|Mariko|Rei',
    ),
    last: split(
      'Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Sasaki|Yamaguchi|Matsumoto|Inoue|Kimura|Hayashi|Shimizu|Yamazaki|Mori|Abe|Ikeda|Hashimoto|Ishikawa|Ogawa|Fujita|Okada|Goto|Hasegawa',
    ),
    languages: ['Japanese'],
    languageShare: 0.95,
  },
  ko: {
    male: split(
      'Min-jun|Seo-jun|Ji-hoon|Hyun-woo|Jun-ho|Dong-hyun|Sung-min|Jae-won|Young-ho|Sang-woo|Tae-yang|Jin-woo|Seung-hyun|Woo-jin|Kyung-soo',
    ),
    female: split(
      'Ji-yeon|Seo-yeon|Min-ji|Su-bin|Ha-eun|Ji-woo|Yoo-na|Eun-ji|Hye-jin|So-young|Yuna|Da-eun|Soo-jin|Hyun-jung|Ye-jin',
    ),
    last: split('Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong'),
    languages: ['Korean'],
    languageShare: 0.9,
  },
  ng: {
    male: split(
      'Chinedu|Oluwaseun|Emeka|Tunde|Adebayo|Chukwuemeka|Obinna|Ifeanyi|Olumide|Babatunde|Uche|Segun|Kelechi|Damilola|Abubakar|Ibrahim|Musa|Yusuf|Kayode|Femi|Tobi|Ikenna|Nnamdi|Chidi|Dapo',
    ),
    female: split(
      'Ngozi|Chiamaka|Adaeze|Funmilayo|Folake|Aisha|Amina|Temitope|Yetunde|Oluwakemi|Chioma|Nneka|Ifeoma|Blessing|Grace|Omolara|Bukola|Zainab|Titilayo|Adaobi|Ebere|Ijeoma|Kemi|Halima|Busola',
    ),
    last: split(
      'Okafor|Adeyemi|Okonkwo|Eze|Nwosu|Adebayo|Ogunleye|Balogun|Ibrahim|Mohammed|Bello|Obi|Okoro|Chukwu|Nwachukwu|Oladipo|Ogundipe|Abubakar|Lawal|Afolabi|Akinola|Nnadi|Ezeh|Olawale|Babalola|Adekunle|Okeke|Onyeka|Adeleke|Danjuma',
    ),
    languages: ['Yoruba', 'Igbo', 'Hausa'],
    languageShare: 0.6,
  },
  za: {
    male: split(
      'Thabo|Sipho|Themba|Bongani|Mandla|Lwazi|Kagiso|Tshepo|Johan|Pieter|Willem|Hendrik|Jacques|Ruan|Dylan|Ryan|Keegan|Sibusiso|Nkosinathi|Vusi|Jabulani|Francois|Andile|Kabelo|Riaan',
    ),
    female: split(
      'Lerato|Nomvula|Thandiwe|Zanele|Naledi|Palesa|Busisiwe|Nandi|Lindiwe|Ayanda|Annelie|Elmarie|Marelize|Carien|Tamryn|Nicolette|Chantelle|Megan|Keabetswe|Refilwe|Mpho|Boitumelo|Karabo|Nthabiseng|Zinhle',
    ),
    last: split(
      'Nkosi|Dlamini|Ndlovu|Mokoena|Khumalo|Mthembu|Zulu|Sithole|Mahlangu|Mabaso|Molefe|Naidoo|Pillay|van der Merwe|Botha|Pretorius|Venter|du Plessis|Nel|Coetzee|Smit|Fourie|Kruger|Joubert|Steyn|Jacobs|le Roux|van Wyk|Govender|Moodley',
    ),
    moreLast: fakerSurnames(fakerAfZa),
    languages: ['Afrikaans', 'Zulu', 'Xhosa', 'Sotho'],
    languageShare: 0.6,
  },
  mi: {
    male: split('Tama|Rawiri|Wiremu|Hemi|Nikau|Manaia|Mikaere|Tāne|Ari|Kauri|Tipene|Hōhepa'),
    female: split('Aroha|Anahera|Kiri|Mere|Moana|Hana|Ataahua|Maia|Ngaio|Kahurangi|Hine|Mereana'),
    last: split(
      'Ngata|Parata|Tāmihana|Te Whata|Hēnare|Pōmare|Rangihau|Paki|Tipene|Waititi|Horomona|Te Ao|Walker|Tūhiwai',
    ),
    languages: ['Māori'],
    languageShare: 0.5,
  },
};

// --- locations --------------------------------------------------------------------------------

/** A city members live in, with the data the generator needs to make them local. */
export interface LocationInfo extends Location {
  /** Relative share of members living there (weighted toward the US and Europe). */
  weight: number;
  /** Local languages a member may list besides English (the first is the main one). */
  languages: readonly string[];
  /** Real universities in or near the city, where locals mostly studied. */
  universities: readonly string[];
  /** Name cultures of the people living there, with weights. */
  names: readonly (readonly [NameCulture, number])[];
}

const loc = (
  city: string,
  region: string,
  country: string,
  timeZone: string,
  weight: number,
  languages: readonly string[],
  names: readonly (readonly [NameCulture, number])[],
  universities: string,
): LocationInfo => ({
  city,
  region,
  country,
  timeZone,
  weight,
  languages,
  names,
  universities: split(universities),
});

/** The ~30 cities of the synthetic network, across all inhabited continents. */
// prettier-ignore
export const LOCATIONS: readonly LocationInfo[] = [
  loc('New York', 'New York', 'US', 'America/New_York', 10, ['Spanish'], [['en', 55], ['mx', 12], ['in', 9], ['zh', 9], ['ko', 3], ['ie', 3], ['he', 3], ['ng', 2], ['it', 2], ['pl', 1], ['ar', 1]], 'Columbia University|New York University|Cornell University|Fordham University|Baruch College|Stony Brook University|The City College of New York'),
  loc('San Francisco', 'California', 'US', 'America/Los_Angeles', 6, ['Spanish'], [['en', 50], ['zh', 14], ['in', 14], ['mx', 10], ['ko', 4], ['he', 2], ['fr', 2], ['de', 2], ['ie', 1], ['pl', 1]], 'Stanford University|University of California, Berkeley|San Francisco State University|University of San Francisco|Santa Clara University|San José State University'),
  loc('Seattle', 'Washington', 'US', 'America/Los_Angeles', 4, ['Spanish'], [['en', 55], ['in', 15], ['zh', 12], ['mx', 7], ['ko', 5], ['ie', 2], ['pl', 2], ['de', 2]], 'University of Washington|Seattle University|Washington State University|Western Washington University'),
  loc('Boston', 'Massachusetts', 'US', 'America/New_York', 4, ['Spanish'], [['en', 60], ['ie', 8], ['zh', 9], ['in', 9], ['mx', 8], ['it', 3], ['ko', 3]], 'Massachusetts Institute of Technology|Harvard University|Boston University|Northeastern University|Boston College|Tufts University'),
  loc('Chicago', 'Illinois', 'US', 'America/Chicago', 5, ['Spanish', 'Polish'], [['en', 58], ['mx', 15], ['pl', 7], ['in', 8], ['zh', 5], ['ie', 4], ['ko', 2], ['ng', 1]], 'University of Chicago|Northwestern University|University of Illinois Urbana-Champaign|Loyola University Chicago|DePaul University'),
  loc('Austin', 'Texas', 'US', 'America/Chicago', 3, ['Spanish'], [['en', 55], ['mx', 25], ['in', 10], ['zh', 6], ['ko', 2], ['ng', 2]], 'The University of Texas at Austin|Texas A&M University|Rice University|Texas State University'),
  loc('Denver', 'Colorado', 'US', 'America/Denver', 2.5, ['Spanish'], [['en', 72], ['mx', 16], ['in', 5], ['zh', 4], ['ko', 2], ['de', 1]], 'University of Colorado Boulder|University of Denver|Colorado School of Mines|Colorado State University'),
  loc('Phoenix', 'Arizona', 'US', 'America/Phoenix', 2, ['Spanish'], [['en', 60], ['mx', 30], ['in', 5], ['zh', 3], ['ko', 2]], 'Arizona State University|University of Arizona|Grand Canyon University|Northern Arizona University'),
  loc('Atlanta', 'Georgia', 'US', 'America/New_York', 3, ['Spanish'], [['en', 65], ['ng', 8], ['in', 10], ['mx', 8], ['ko', 5], ['zh', 4]], 'Georgia Institute of Technology|Emory University|Georgia State University|University of Georgia'),
  loc('Los Angeles', 'California', 'US', 'America/Los_Angeles', 4.5, ['Spanish', 'Korean'], [['en', 45], ['mx', 30], ['zh', 8], ['ko', 8], ['in', 5], ['he', 2], ['ar', 2]], 'University of California, Los Angeles|University of Southern California|California Institute of Technology|Loyola Marymount University|Pepperdine University'),
  loc('Toronto', 'Ontario', 'CA', 'America/Toronto', 3, ['French'], [['en', 45], ['zh', 15], ['in', 16], ['fr', 4], ['ko', 4], ['pl', 3], ['it', 3], ['ie', 2], ['ar', 3], ['ng', 2], ['hk', 3]], "University of Toronto|University of Waterloo|Toronto Metropolitan University|York University|Queen's University|McGill University"),
  loc('Mexico City', 'Mexico City', 'MX', 'America/Mexico_City', 2, ['Spanish'], [['mx', 92], ['es', 4], ['en', 4]], 'Universidad Nacional Autónoma de México (UNAM)|Tecnológico de Monterrey|Instituto Tecnológico Autónomo de México (ITAM)|Universidad Iberoamericana|Instituto Politécnico Nacional'),
  loc('São Paulo', 'São Paulo', 'BR', 'America/Sao_Paulo', 2.5, ['Portuguese'], [['pt', 92], ['it', 4], ['en', 2], ['de', 2]], 'Universidade de São Paulo|Fundação Getulio Vargas|Insper|Universidade Estadual de Campinas (Unicamp)|Universidade Presbiteriana Mackenzie'),
  loc('London', 'England', 'GB', 'Europe/London', 8, [], [['en', 62], ['in', 10], ['ie', 4], ['pl', 4], ['zh', 3], ['hk', 2], ['fr', 3], ['it', 3], ['es', 3], ['ng', 4], ['ar', 2]], "Imperial College London|University College London|London School of Economics and Political Science|King's College London|University of Oxford|University of Cambridge|University of Warwick|University of Manchester"),
  loc('Dublin', 'County Dublin', 'IE', 'Europe/Dublin', 2, ['Irish'], [['ie', 72], ['en', 12], ['pl', 7], ['in', 5], ['es', 2], ['pt', 2]], 'Trinity College Dublin|University College Dublin|Dublin City University|Technological University Dublin'),
  loc('Paris', 'Île-de-France', 'FR', 'Europe/Paris', 4, ['French'], [['fr', 84], ['ar', 7], ['en', 2], ['es', 3], ['it', 2], ['pt', 2]], 'Sorbonne Université|École Polytechnique|HEC Paris|Sciences Po|ESSEC Business School|Université Paris-Saclay|CentraleSupélec|Université Paris Cité'),
  loc('Berlin', 'Berlin', 'DE', 'Europe/Berlin', 3, ['German'], [['de', 74], ['pl', 5], ['en', 5], ['es', 4], ['fr', 3], ['it', 3], ['in', 4], ['ar', 2]], 'Technische Universität Berlin|Humboldt-Universität zu Berlin|Freie Universität Berlin|Hasso Plattner Institute'),
  loc('Munich', 'Bavaria', 'DE', 'Europe/Berlin', 2, ['German'], [['de', 84], ['it', 4], ['en', 3], ['in', 4], ['pl', 3], ['fr', 2]], 'Technical University of Munich|Ludwig-Maximilians-Universität München|Munich University of Applied Sciences'),
  loc('Amsterdam', 'North Holland', 'NL', 'Europe/Amsterdam', 2.5, ['Dutch'], [['nl', 70], ['en', 8], ['de', 6], ['in', 5], ['es', 3], ['fr', 3], ['pl', 3], ['it', 2]], 'University of Amsterdam|Vrije Universiteit Amsterdam|Delft University of Technology|Erasmus University Rotterdam|Leiden University'),
  loc('Zurich', 'Zurich', 'CH', 'Europe/Zurich', 1.5, ['German', 'French'], [['ch', 60], ['de', 16], ['it', 8], ['fr', 8], ['en', 6], ['es', 2]], 'ETH Zurich|University of Zurich|University of St. Gallen|EPFL'),
  loc('Madrid', 'Community of Madrid', 'ES', 'Europe/Madrid', 2.5, ['Spanish'], [['es', 88], ['mx', 3], ['en', 3], ['fr', 2], ['it', 2], ['pt', 2]], 'Universidad Complutense de Madrid|Universidad Politécnica de Madrid|Universidad Carlos III de Madrid|IE University|Universidad Autónoma de Madrid|Universidad Pontificia Comillas'),
  loc('Stockholm', 'Stockholm County', 'SE', 'Europe/Stockholm', 1.5, ['Swedish'], [['sv', 80], ['en', 4], ['ar', 5], ['pl', 3], ['de', 3], ['in', 3], ['fr', 2]], 'KTH Royal Institute of Technology|Stockholm University|Stockholm School of Economics|Karolinska Institutet|Uppsala University'),
  loc('Warsaw', 'Masovian Voivodeship', 'PL', 'Europe/Warsaw', 2, ['Polish'], [['pl', 95], ['en', 2], ['de', 2], ['fr', 1]], 'University of Warsaw|Warsaw University of Technology|SGH Warsaw School of Economics|Kozminski University|Medical University of Warsaw'),
  loc('Tel Aviv', 'Tel Aviv District', 'IL', 'Asia/Jerusalem', 1.5, ['Hebrew'], [['he', 90], ['en', 5], ['ar', 3], ['fr', 2]], 'Tel Aviv University|Technion – Israel Institute of Technology|Hebrew University of Jerusalem|Reichman University|Ben-Gurion University of the Negev'),
  loc('Dubai', 'Dubai', 'AE', 'Asia/Dubai', 1.5, ['Arabic'], [['ar', 36], ['in', 30], ['en', 18], ['fr', 4], ['zh', 3], ['ng', 3], ['pl', 2], ['de', 2], ['es', 2]], 'American University of Sharjah|Khalifa University|University of Wollongong in Dubai|Heriot-Watt University Dubai|American University in Dubai'),
  loc('Lagos', 'Lagos State', 'NG', 'Africa/Lagos', 1, ['Yoruba'], [['ng', 97], ['en', 3]], 'University of Lagos|Covenant University|Obafemi Awolowo University|University of Ibadan|Lagos State University'),
  loc('Johannesburg', 'Gauteng', 'ZA', 'Africa/Johannesburg', 1, ['Zulu', 'Afrikaans'], [['za', 88], ['en', 6], ['in', 4], ['ng', 2]], 'University of the Witwatersrand|University of Johannesburg|University of Pretoria|University of Cape Town|Stellenbosch University'),
  loc('Bangalore', 'Karnataka', 'IN', 'Asia/Kolkata', 3, ['Kannada'], [['in', 97], ['en', 3]], 'Indian Institute of Science|IIT Bombay|IIT Madras|BITS Pilani|National Institute of Technology Karnataka|RV College of Engineering|Christ University|Manipal Academy of Higher Education'),
  loc('Singapore', 'Singapore', 'SG', 'Asia/Singapore', 2, ['Malay'], [['sg', 66], ['in', 14], ['en', 12], ['zh', 6], ['ko', 2]], 'National University of Singapore|Nanyang Technological University|Singapore Management University|Singapore University of Technology and Design'),
  loc('Hong Kong', 'Hong Kong', 'HK', 'Asia/Hong_Kong', 1.5, ['Cantonese'], [['hk', 80], ['en', 10], ['zh', 8], ['in', 2]], 'The University of Hong Kong|The Hong Kong University of Science and Technology|The Chinese University of Hong Kong|City University of Hong Kong|The Hong Kong Polytechnic University'),
  loc('Tokyo', 'Tokyo', 'JP', 'Asia/Tokyo', 2, ['Japanese'], [['ja', 92], ['en', 5], ['ko', 2], ['zh', 1]], 'The University of Tokyo|Keio University|Waseda University|Tokyo Institute of Technology|Hitotsubashi University'),
  loc('Sydney', 'New South Wales', 'AU', 'Australia/Sydney', 2, [], [['en', 66], ['zh', 10], ['in', 8], ['ie', 4], ['ko', 3], ['it', 3], ['ar', 3], ['hk', 3]], 'The University of Sydney|UNSW Sydney|University of Technology Sydney|Macquarie University'),
  loc('Auckland', 'Auckland', 'NZ', 'Pacific/Auckland', 0.8, [], [['en', 66], ['mi', 10], ['zh', 9], ['in', 8], ['ko', 3], ['hk', 2], ['ie', 2]], 'University of Auckland|Auckland University of Technology|Massey University|Victoria University of Wellington'),
];

// --- role families ----------------------------------------------------------------------------

/** Kinds of degree; the printed label depends on the country (BS vs BSc, JD vs LLB ...). */
export type DegreeKind =
  'bsc' | 'beng' | 'ba' | 'bba' | 'msc' | 'ma' | 'mba' | 'phd' | 'law' | 'llm' | 'bsn' | 'msn';

export interface DegreeOption {
  kind: DegreeKind;
  fields: readonly string[];
}

/** A focus inside a role family (backend, litigation, ICU ...) with its own skills and platforms. */
export interface Specialty {
  name: string;
  skills: readonly string[];
  platforms: readonly string[];
  /** Titles used instead of the family's at these seniorities: half of the time, or always if `ownTitles`. */
  titles?: Partial<Record<Seniority, readonly string[]>>;
  ownTitles?: boolean;
  /** Only members in these industries get this specialty. */
  industries?: readonly Industry[];
  /** Summary openers and duties used instead of the family's (a specialty that works differently). */
  summaries?: readonly string[];
  duties?: readonly string[];
}

export interface ProjectTemplate {
  name: string;
  /** May hold {co} {amt} {acv} {pct} {quota} {n} {k} {x} {team} placeholders. */
  description: string;
  /** Only for members of these specialties. */
  specialties?: readonly string[];
}

/** A job family: titles per seniority, skills, platforms, employers and the texts of its profiles. */
export interface RoleFamily {
  key: string;
  name: string;
  /** What a member of the family calls themselves in a summary: "software engineer". */
  noun: string;
  /** Relative share of members. */
  weight: number;
  industries: readonly (readonly [Industry, number])[];
  /** Where partners work (a partner's industry is drawn from these). */
  partnerIndustries?: readonly Industry[];
  /** Seniority mix, when it differs from the general one (law firms are partner-heavy ...). */
  seniorityWeights?: Partial<Record<Seniority, number>>;
  /** Years of experience per seniority, when they differ from `YEARS_BY_SENIORITY`. */
  years?: Partial<Record<Seniority, readonly [number, number]>>;
  /** Titles per seniority; the family has exactly the seniorities listed here. */
  titles: Partial<Record<Seniority, readonly string[]>>;
  specialties: readonly Specialty[];
  skills: readonly string[];
  platforms: readonly string[];
  /** A professional credential listed as a skill by some members (CFA, CPA ...), per country. */
  credential?: { share: number; byCountry: Readonly<Record<string, string>>; other: string };
  /** Cities where the family is over- or under-represented (multiplies the city weight). */
  cityBoost?: Readonly<Record<string, number>>;
  education: { first: readonly DegreeOption[]; second?: { share: number; options: readonly DegreeOption[] } };
  projects: readonly ProjectTemplate[];
  publications: {
    share: number;
    formats: readonly string[];
    topics: readonly string[];
    venues: readonly string[];
  };
  /** Summary openers for individual contributors; {exp} {s1} {s2} {p1} {co} {spec} {noun}. */
  summaries: readonly string[];
  /** Summary openers for managers and above. */
  leaderSummaries: readonly string[];
  /** One-line position descriptions. */
  duties: readonly string[];
}

/** Years of experience per seniority (inclusive range), unless a family says otherwise. */
export const YEARS_BY_SENIORITY: Readonly<Record<Seniority, readonly [number, number]>> = {
  intern: [0, 0],
  entry: [0, 2],
  associate: [2, 5],
  senior: [5, 10],
  lead: [7, 15],
  manager: [8, 16],
  director: [11, 22],
  vp: [14, 26],
  cxo: [17, 32],
  partner: [9, 28],
};

const SENIORITY_WEIGHTS: Readonly<Record<Seniority, number>> = {
  intern: 3,
  entry: 13,
  associate: 20,
  senior: 25,
  lead: 10,
  manager: 12,
  director: 8,
  vp: 4,
  cxo: 2,
  partner: 3,
};

const TECH_BOOST = {
  'San Francisco': 2.5,
  Seattle: 2.5,
  Bangalore: 2.5,
  'Tel Aviv': 2,
  Austin: 1.5,
  Berlin: 1.5,
  Warsaw: 1.5,
  Toronto: 1.3,
  Stockholm: 1.3,
  Dublin: 1.3,
  Amsterdam: 1.2,
} as const;

const FINANCE_BOOST = {
  'New York': 3,
  London: 3,
  'Hong Kong': 2.5,
  Chicago: 2,
  Singapore: 2,
  Zurich: 1.5,
  Boston: 1.5,
  Dubai: 1.2,
  Seattle: 0.4,
  Austin: 0.4,
  Denver: 0.4,
  Phoenix: 0.3,
  Bangalore: 0.3,
  Lagos: 0.5,
  Auckland: 0.4,
  'Tel Aviv': 0.5,
  Warsaw: 0.4,
} as const;

const ENG_DEGREES: readonly DegreeOption[] = [
  {
    kind: 'beng',
    fields: split(
      'Computer Science|Computer Science|Computer Science|Software Engineering|Computer Engineering|Electrical Engineering',
    ),
  },
  { kind: 'bsc', fields: split('Computer Science|Mathematics|Physics|Information Systems') },
];
const LAW_FIRST: readonly DegreeOption[] = [{ kind: 'law', fields: ['Law'] }];
const BUSINESS_FIELDS = ['Business Administration', 'Economics', 'Finance', 'Marketing', 'Management'];
const UNDERGRAD_BUSINESS: readonly DegreeOption[] = [
  { kind: 'bba', fields: BUSINESS_FIELDS },
  { kind: 'ba', fields: split('Economics|Communication|Psychology|English|Political Science') },
];
const MBA: DegreeOption = { kind: 'mba', fields: ['Business Administration'] };

/** The job families of the synthetic network. */
export const ROLE_FAMILIES: readonly RoleFamily[] = [
  {
    key: 'software-engineering',
    name: 'Software Engineering',
    noun: 'software engineer',
    weight: 16,
    industries: [
      ['Software Development', 50],
      ['IT Services and IT Consulting', 12],
      ['Financial Services', 12],
      ['Investment Management', 5],
      ['Banking', 6],
      ['Retail', 5],
      ['Computer and Network Security', 4],
      ['Pharmaceutical Manufacturing', 2],
      ['Consumer Goods', 2],
      ['Advertising Services', 1],
      ['Investment Banking', 1],
    ],
    cityBoost: TECH_BOOST,
    titles: {
      intern: ['Software Engineering Intern', 'Software Engineer Intern'],
      entry: ['Software Engineer', 'Junior Software Engineer', 'Software Engineer I'],
      associate: ['Software Engineer II', 'Software Engineer'],
      senior: ['Senior Software Engineer'],
      lead: ['Staff Software Engineer', 'Principal Software Engineer', 'Lead Software Engineer'],
      manager: ['Engineering Manager', 'Senior Engineering Manager'],
      director: ['Director of Engineering', 'Senior Director of Engineering'],
      vp: ['VP of Engineering', 'Vice President of Engineering'],
      cxo: ['Chief Technology Officer', 'CTO'],
    },
    specialties: [
      {
        name: 'Backend',
        skills: split('Go|Java|Python|Distributed Systems|Microservices|gRPC|REST APIs|System Design|SQL'),
        platforms: split('PostgreSQL|Kafka|Redis|AWS|Kubernetes|Docker'),
        titles: {
          associate: ['Backend Engineer'],
          senior: ['Senior Backend Engineer'],
          lead: ['Staff Backend Engineer'],
        },
      },
      {
        name: 'Frontend',
        skills: split('TypeScript|JavaScript|React|CSS|Web Accessibility|Web Performance|Next.js'),
        platforms: split('Node.js|Vite|Storybook|Figma|Vercel'),
        titles: {
          associate: ['Frontend Engineer'],
          senior: ['Senior Frontend Engineer'],
          lead: ['Staff Frontend Engineer'],
        },
      },
      {
        name: 'Full-Stack',
        skills: split('TypeScript|Node.js|React|GraphQL|SQL|Python|Ruby on Rails'),
        platforms: split('PostgreSQL|AWS|Docker|Redis|Vercel'),
        titles: { associate: ['Full-Stack Engineer'], senior: ['Senior Full-Stack Engineer'] },
      },
      {
        name: 'Mobile',
        skills: split('Swift|Kotlin|iOS Development|Android Development|React Native|Mobile Architecture'),
        platforms: split('Xcode|Android Studio|Firebase|Bitrise'),
        titles: {
          associate: ['iOS Engineer', 'Android Engineer'],
          senior: ['Senior iOS Engineer', 'Senior Android Engineer'],
        },
      },
      {
        name: 'Data Infrastructure',
        skills: split('Scala|Java|Python|Data Pipelines|Stream Processing|SQL|Data Modeling'),
        platforms: split('Apache Spark|Kafka|Airflow|Snowflake|AWS|dbt'),
        titles: {
          associate: ['Data Engineer'],
          senior: ['Senior Data Engineer'],
          lead: ['Staff Data Engineer'],
        },
      },
      {
        name: 'Low-Latency',
        skills: split('C++|Rust|Low-Latency Systems|Multithreading|Networking|Linux'),
        platforms: split('Linux|kdb+|Kafka|FPGA'),
        titles: { senior: ['Senior C++ Developer'] },
        industries: ['Investment Management', 'Investment Banking', 'Banking', 'Financial Services'],
      },
    ],
    skills: split('Git|Code Review|Unit Testing|Agile Methodologies|CI/CD|Software Design'),
    platforms: split('GitHub|Datadog|Jira|AWS|Kubernetes|Docker|Terraform'),
    education: {
      first: ENG_DEGREES,
      second: {
        share: 0.22,
        options: [
          {
            kind: 'msc',
            fields: split('Computer Science|Computer Science|Software Engineering|Distributed Systems'),
          },
        ],
      },
    },
    projects: [
      {
        name: 'Payments ledger rewrite',
        description:
          'Rewrote the double-entry payments ledger at {co} in Go, handling {k}k transactions a day with a zero-downtime cut-over.',
        specialties: ['Backend'],
      },
      {
        name: 'Kafka event pipeline',
        description:
          'Replaced nightly batch jobs with a Kafka-based event pipeline, cutting data latency from 24 hours to under a minute.',
        specialties: ['Backend', 'Data Infrastructure'],
      },
      {
        name: 'Monolith decomposition',
        description:
          'Led the split of a 1.2M-line Rails monolith into {n} services on Kubernetes without a feature freeze.',
        specialties: ['Backend', 'Full-Stack'],
      },
      {
        name: 'Search relevance revamp',
        description:
          'Rebuilt product search on OpenSearch with learning-to-rank, raising click-through by {pct}.',
        specialties: ['Backend', 'Full-Stack'],
      },
      {
        name: 'Design system',
        description: 'Built the shared React component library now used by {n} product teams.',
        specialties: ['Frontend', 'Full-Stack'],
      },
      {
        name: 'Core Web Vitals program',
        description:
          'Cut largest contentful paint on the storefront by {pct} through code splitting and image streaming.',
        specialties: ['Frontend'],
      },
      {
        name: 'AWS cost reduction',
        description:
          'Cut AWS spend by {pct} by moving batch workloads to spot instances and right-sizing RDS.',
        specialties: ['Backend', 'Data Infrastructure', 'Full-Stack'],
      },
      {
        name: 'Offline-first mobile app',
        description:
          'Shipped an offline-first iOS and Android app to {k}k daily users with a crash-free rate above 99.8%.',
        specialties: ['Mobile'],
      },
      {
        name: 'Risk engine migration',
        description:
          'Migrated the risk engine to Kafka, cutting end-of-day processing from hours to {n} minutes.',
        specialties: ['Backend', 'Low-Latency'],
      },
      {
        name: 'Order book in C++',
        description:
          'Wrote a lock-free order book handling {k}k messages per second at single-digit-microsecond latency.',
        specialties: ['Low-Latency'],
      },
      {
        name: 'Faster app start',
        description:
          'Cut cold-start time of the iOS and Android apps by {pct} by deferring SDK initialization.',
        specialties: ['Mobile'],
      },
      {
        name: 'Accessible checkout',
        description:
          'Made the checkout flow fully keyboard- and screen-reader-accessible ahead of the EU Accessibility Act.',
        specialties: ['Frontend', 'Full-Stack', 'Mobile'],
      },
      {
        name: 'Lakehouse migration',
        description:
          'Moved {n} TB of analytics data from Redshift to a Spark lakehouse, halving query costs.',
        specialties: ['Data Infrastructure'],
      },
      {
        name: 'Open-source PostgreSQL driver',
        description: 'Maintainer of an open-source PostgreSQL driver with {k}k weekly downloads.',
        specialties: ['Backend', 'Full-Stack', 'Data Infrastructure'],
      },
    ],
    publications: {
      share: 0.06,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split(
        'Zero-Downtime Postgres Migrations at Scale|Backpressure in Event-Driven Systems|What We Learned Splitting a Monolith|Idempotency Keys Done Right|Type-Safe APIs with TypeScript|Debugging Tail Latency in Go Services',
      ),
      venues: split(
        'engineering blog|talk at QCon London|talk at GopherCon|talk at KubeCon Europe|talk at React Summit|talk at Strange Loop',
      ),
    },
    summaries: [
      'Software engineer with {exp} of experience building {spec} systems; most at home with {s1} and {s2}.',
      'I build reliable, well-tested software; these days mostly with {s1} and {p1}.',
      '{spec} engineer who cares about simple designs, good tests and fast feedback loops.',
      'Engineer at {co}, working on {spec} problems with {s1}, {s2} and {p1}.',
    ],
    leaderSummaries: [
      'Engineering leader with {exp} of experience; I grow teams that ship steadily and sleep through the night.',
      'I lead {spec} engineering at {co}: hiring, architecture reviews and keeping delivery predictable.',
    ],
    duties: [
      'Owns the design and on-call of core {spec} services.',
      'Builds features end to end, from design doc to rollout.',
      'Leads a team of {team} engineers across two time zones.',
      'Part of the platform team; cut deploy time from 40 to {x} minutes.',
    ],
  },
  {
    key: 'data-science',
    name: 'Data Science & Machine Learning',
    noun: 'data scientist',
    weight: 7,
    industries: [
      ['Software Development', 40],
      ['Financial Services', 12],
      ['Investment Management', 6],
      ['Banking', 6],
      ['Retail', 8],
      ['Pharmaceutical Manufacturing', 8],
      ['Business Consulting and Services', 6],
      ['IT Services and IT Consulting', 6],
      ['Consumer Goods', 4],
      ['Advertising Services', 4],
    ],
    cityBoost: { 'San Francisco': 2, Seattle: 2, Boston: 1.5, Bangalore: 1.8, 'Tel Aviv': 1.5, London: 1.3 },
    titles: {
      intern: ['Data Science Intern', 'Machine Learning Intern'],
      entry: ['Data Analyst', 'Junior Data Scientist'],
      associate: ['Data Scientist', 'Machine Learning Engineer'],
      senior: ['Senior Data Scientist', 'Senior Machine Learning Engineer'],
      lead: ['Staff Machine Learning Engineer', 'Principal Data Scientist', 'Lead Data Scientist'],
      manager: ['Data Science Manager', 'Machine Learning Engineering Manager'],
      director: ['Director of Data Science', 'Head of Machine Learning'],
      vp: ['VP of Data', 'VP of Machine Learning'],
      cxo: ['Chief Data Officer'],
    },
    specialties: [
      {
        name: 'Machine Learning',
        skills: split('Python|Machine Learning|Deep Learning|Feature Engineering|Model Deployment|MLOps'),
        platforms: split('PyTorch|TensorFlow|MLflow|Amazon SageMaker|Kubernetes'),
      },
      {
        name: 'NLP',
        skills: split(
          'Python|Natural Language Processing|Large Language Models|Transformers|Information Retrieval|Retrieval-Augmented Generation',
        ),
        platforms: split('PyTorch|Hugging Face|OpenAI API|Elasticsearch|LangChain'),
        titles: { senior: ['Senior NLP Scientist'], associate: ['NLP Engineer'] },
      },
      {
        name: 'Analytics',
        skills: split('SQL|Python|A/B Testing|Statistics|Causal Inference|Data Visualization|R'),
        platforms: split('Snowflake|dbt|Tableau|Looker|BigQuery'),
        titles: { associate: ['Product Data Scientist'], senior: ['Senior Product Data Scientist'] },
      },
      {
        name: 'Computer Vision',
        skills: split('Python|Computer Vision|Deep Learning|C++|Image Processing'),
        platforms: split('PyTorch|OpenCV|CUDA|NVIDIA Triton'),
        titles: { associate: ['Computer Vision Engineer'], senior: ['Senior Computer Vision Engineer'] },
      },
      {
        name: 'Forecasting',
        skills: split('Python|Time Series Forecasting|Statistics|Bayesian Modeling|SQL|Optimization'),
        platforms: split('Databricks|Apache Spark|scikit-learn|Stan'),
      },
    ],
    skills: split('Statistics|Data Analysis|Python|SQL|Experimental Design'),
    platforms: split('Jupyter|scikit-learn|pandas|Airflow|Git|Databricks'),
    education: {
      first: [{ kind: 'bsc', fields: split('Computer Science|Statistics|Mathematics|Physics|Economics') }],
      second: {
        share: 0.55,
        options: [
          { kind: 'msc', fields: split('Data Science|Statistics|Computer Science|Machine Learning') },
          {
            kind: 'phd',
            fields: split('Computer Science|Statistics|Physics|Computational Neuroscience'),
          },
        ],
      },
    },
    projects: [
      {
        name: 'Churn prediction model',
        description:
          'Built a gradient-boosted churn model that let {co} target retention offers, saving {acv} a year.',
      },
      {
        name: 'Recommendation engine',
        description: 'Shipped a two-tower recommender that lifted add-to-cart rate by {pct} in an A/B test.',
        specialties: ['Machine Learning'],
      },
      {
        name: 'Experimentation platform',
        description:
          'Designed the company-wide A/B testing framework with CUPED variance reduction; now runs {n} experiments a month.',
        specialties: ['Analytics'],
      },
      {
        name: 'Support ticket triage with LLMs',
        description: 'Fine-tuned an open-weights LLM to route support tickets, automating {pct} of triage.',
        specialties: ['NLP'],
      },
      {
        name: 'Demand forecasting',
        description:
          'Replaced spreadsheet forecasts with hierarchical Bayesian models for {k}k SKUs, cutting stock-outs by {pct}.',
        specialties: ['Forecasting'],
      },
      {
        name: 'Defect detection on the line',
        description:
          'Trained a vision model that flags packaging defects in real time on {n} production lines.',
        specialties: ['Computer Vision'],
      },
      {
        name: 'Fraud scoring in real time',
        description: 'Built real-time fraud features on Kafka and a model serving p99 under 30 ms.',
      },
      {
        name: 'Feature store',
        description: 'Stood up a shared feature store used by {n} ML teams, ending training/serving skew.',
      },
    ],
    publications: {
      share: 0.25,
      formats: ['"{topic}", {venue} {year}', '"{topic}" (arXiv preprint, {year})'],
      topics: split(
        'Calibrated Uncertainty for Tabular Forecasting|Efficient Fine-Tuning of Retrieval Models|Variance Reduction in Online Experiments|Counterfactual Evaluation of Recommenders|Robust Object Detection under Domain Shift|Sparse Attention for Long Documents',
      ),
      venues: split('NeurIPS|ICML|KDD|ACL|CVPR|RecSys'),
    },
    summaries: [
      'Data scientist with {exp} of experience turning messy data into decisions, mostly with {s1} and {s2}.',
      'I build {spec} models that ship to production, from the first SQL query to monitoring on {p1}.',
      '{spec} practitioner at {co}; I like clean experiments and honest error bars.',
    ],
    leaderSummaries: [
      'Data and ML leader with {exp} of experience building teams that put models into production.',
      'I run the {spec} team at {co}: roadmap, hiring and making sure our models earn their keep.',
    ],
    duties: [
      'Owns the {spec} models behind the core product metrics.',
      'Partners with product managers on experiment design and analysis.',
      'Leads a team of {team} data scientists and ML engineers.',
      'Built the team’s model monitoring and retraining pipelines.',
    ],
  },
  {
    key: 'quantitative-finance',
    name: 'Quantitative Finance & Portfolio Management',
    noun: 'quantitative analyst',
    weight: 5,
    industries: [
      ['Investment Management', 70],
      ['Investment Banking', 10],
      ['Banking', 10],
      ['Financial Services', 10],
    ],
    cityBoost: FINANCE_BOOST,
    titles: {
      intern: ['Quantitative Research Intern', 'Summer Analyst, Quantitative Strategies'],
      entry: ['Quantitative Analyst', 'Junior Quantitative Analyst', 'Risk Analyst'],
      associate: ['Quantitative Analyst', 'Quantitative Researcher', 'Associate Portfolio Manager'],
      senior: ['Senior Quantitative Analyst', 'Senior Quantitative Researcher', 'Senior Risk Analyst'],
      lead: ['Portfolio Manager', 'Lead Quantitative Researcher', 'Principal Quantitative Researcher'],
      manager: ['Quantitative Research Manager', 'Risk Manager'],
      director: ['Director, Quantitative Research', 'Head of Risk'],
      vp: ['Vice President, Quantitative Strategies', 'Vice President, Portfolio Management'],
      cxo: ['Chief Investment Officer', 'Chief Risk Officer'],
    },
    specialties: [
      {
        name: 'Equity Research',
        skills: split(
          'Python|Factor Models|Statistical Arbitrage|Time Series Analysis|Backtesting|Machine Learning',
        ),
        platforms: split('Bloomberg|FactSet|MSCI Barra|kdb+'),
      },
      {
        name: 'Risk',
        skills: split('Risk Models|Value at Risk (VaR)|Stress Testing|Python|Statistics|Regulatory Capital'),
        platforms: split('Bloomberg|MATLAB|Axioma|SAS|Excel'),
        titles: { senior: ['Senior Risk Analyst'], manager: ['Risk Manager', 'Market Risk Manager'] },
      },
      {
        name: 'Portfolio Management',
        skills: split(
          'Portfolio Management|Asset Allocation|Portfolio Optimization|Python|Fixed Income|Equity Research',
        ),
        platforms: split('Bloomberg|FactSet|Aladdin|Excel'),
        titles: { associate: ['Associate Portfolio Manager'], lead: ['Portfolio Manager'] },
      },
      {
        name: 'Derivatives',
        skills: split('Derivatives Pricing|Stochastic Calculus|C++|Python|Monte Carlo Simulation|Options'),
        platforms: split('MATLAB|Bloomberg|Refinitiv Eikon|Numerix'),
        titles: { associate: ['Quantitative Strategist'], senior: ['Senior Quantitative Strategist'] },
      },
    ],
    skills: split('Financial Modeling|Econometrics|SQL|R|Python|Quantitative Analysis'),
    platforms: split('Bloomberg|FactSet|Excel|MATLAB|Refinitiv Eikon'),
    credential: { share: 0.3, byCountry: {}, other: 'CFA' },
    education: {
      first: [
        {
          kind: 'bsc',
          fields: split('Mathematics|Physics|Economics|Statistics|Computer Science|Financial Engineering'),
        },
      ],
      second: {
        share: 0.6,
        options: [
          {
            kind: 'msc',
            fields: split('Financial Engineering|Mathematical Finance|Statistics|Computational Finance'),
          },
          { kind: 'phd', fields: split('Mathematics|Physics|Statistics|Economics') },
        ],
      },
    },
    projects: [
      {
        name: 'Intraday risk engine migration',
        description:
          'Migrated the intraday risk engine at {co} to Kafka, cutting end-of-day VaR runs from four hours to {n} minutes.',
      },
      {
        name: 'Multi-factor equity model',
        description:
          'Built a multi-factor equity model in Python on FactSet data that now drives {amt} of systematic allocations.',
        specialties: ['Equity Research'],
      },
      {
        name: 'Bloomberg data pipeline',
        description:
          'Automated daily Bloomberg and FactSet pulls into a point-in-time research database, ending look-ahead bias in backtests.',
      },
      {
        name: 'Stress-testing framework',
        description:
          "Designed the firm's scenario stress-testing framework used in quarterly risk committee reviews.",
        specialties: ['Risk'],
      },
      {
        name: 'Volatility surface calibration',
        description: 'Rebuilt volatility-surface calibration in C++, making intraday repricing {x}× faster.',
        specialties: ['Derivatives'],
      },
      {
        name: 'ESG signal research',
        description:
          'Tested ESG signals as return predictors across 3,000 global equities; two made it into production.',
      },
      {
        name: 'Backtesting library',
        description: 'Wrote the vectorized backtesting library in Python used by {n} portfolio managers.',
      },
      {
        name: 'Liability-driven allocation',
        description: 'Built the liability-driven allocation model for a {amt} pension mandate.',
        specialties: ['Portfolio Management'],
      },
    ],
    publications: {
      share: 0.15,
      formats: ['"{topic}", {venue}, {year}'],
      topics: split(
        'Regime-Switching Factor Models for Equity Risk|Transaction-Cost-Aware Portfolio Optimization|Machine Learning for Cross-Sectional Returns|Liquidity Risk in Corporate Bond ETFs|Rough Volatility in Practice',
      ),
      venues: split('SSRN working paper|Journal of Portfolio Management|Quantitative Finance|Risk.net'),
    },
    summaries: [
      'Quant with {exp} of experience in {spec}; day to day that means {s1}, {s2} and {p1}.',
      'I build and test systematic strategies: {s1}, {s2} and a healthy suspicion of backtests.',
      'Working on {spec} at {co}; comfortable from the research notebook to the production risk system.',
    ],
    leaderSummaries: [
      'Investment leader with {exp} of experience running {spec} teams and systematic portfolios.',
      'I lead quantitative research at {co}, with a focus on robust models and disciplined risk-taking.',
    ],
    duties: [
      'Researches and maintains {spec} models across global equities.',
      'Runs daily risk reports and explains P&L to portfolio managers.',
      'Manages a team of {team} researchers.',
      'Owns the data pipeline from Bloomberg and FactSet into the research platform.',
    ],
  },
  {
    key: 'investment-banking',
    name: 'Investment Banking',
    noun: 'investment banker',
    weight: 4,
    industries: [['Investment Banking', 100]],
    partnerIndustries: ['Investment Banking'],
    cityBoost: FINANCE_BOOST,
    seniorityWeights: { intern: 6, entry: 25, associate: 24, senior: 5, vp: 17, director: 11, partner: 12 },
    years: {
      entry: [0, 3],
      associate: [3, 6],
      senior: [5, 7],
      vp: [6, 10],
      director: [9, 14],
      partner: [12, 28],
    },
    titles: {
      intern: ['Summer Analyst', 'Investment Banking Summer Analyst'],
      entry: ['Investment Banking Analyst', 'Analyst'],
      associate: ['Investment Banking Associate', 'Associate'],
      senior: ['Senior Associate'],
      vp: ['Vice President', 'Vice President, Investment Banking'],
      director: ['Director', 'Executive Director'],
      partner: ['Managing Director', 'Partner'],
    },
    specialties: [
      {
        name: 'M&A',
        skills: split('Mergers & Acquisitions|Valuation|Due Diligence|DCF Analysis|Financial Modeling'),
        platforms: split('Capital IQ|FactSet|Dealogic'),
      },
      {
        name: 'Equity Capital Markets',
        skills: split('Equity Capital Markets|IPOs|Valuation|Pitch Books|Investor Relations'),
        platforms: split('Bloomberg|Dealogic|FactSet'),
      },
      {
        name: 'Leveraged Finance',
        skills: split('Leveraged Finance|Debt Capital Markets|LBO Modeling|Credit Analysis'),
        platforms: split('Bloomberg|Capital IQ|PitchBook'),
      },
      {
        name: 'Restructuring',
        skills: split('Restructuring|Distressed Debt|Liquidity Analysis|Chapter 11|Financial Modeling'),
        platforms: split('Capital IQ|Bloomberg|Debtwire'),
      },
      {
        name: 'TMT Coverage',
        skills: split('Technology M&A|SaaS Valuation|Mergers & Acquisitions|Client Coverage'),
        platforms: split('PitchBook|Capital IQ|FactSet'),
      },
    ],
    skills: split('Financial Modeling|Valuation|Excel|PowerPoint|Financial Analysis'),
    platforms: split('Excel|Bloomberg|FactSet|Capital IQ|PitchBook'),
    credential: { share: 0.15, byCountry: {}, other: 'CFA' },
    education: {
      first: [
        { kind: 'bba', fields: split('Finance|Economics|Business Administration') },
        { kind: 'ba', fields: split('Economics|History|Mathematics') },
      ],
      second: { share: 0.3, options: [MBA] },
    },
    projects: [
      {
        name: 'Take-private of a European software group',
        description:
          'Built the LBO model and ran diligence for a {amt} take-private of a European software group.',
        specialties: ['Leveraged Finance'],
      },
      {
        name: 'Cross-border pharma merger',
        description:
          'Advised the buyer on a {amt} cross-border pharmaceutical merger, from first pitch to signing.',
        specialties: ['M&A'],
      },
      {
        name: 'Technology IPO',
        description: 'Worked on the {amt} NASDAQ IPO of a payments company, including the roadshow model.',
        specialties: ['Equity Capital Markets'],
      },
      {
        name: 'Retailer restructuring',
        description: 'Advised creditors in the {amt} restructuring of a national retailer.',
        specialties: ['Restructuring'],
      },
      {
        name: 'SaaS carve-out',
        description:
          'Led the sell-side process for the {amt} carve-out of a SaaS division to a private equity buyer.',
        specialties: ['TMT Coverage'],
      },
      {
        name: 'Sponsor coverage pitch book',
        description: 'Built the valuation and pitch materials that won {co} a mandate from a top-10 sponsor.',
      },
    ],
    publications: {
      share: 0.02,
      formats: ['"{topic}", {venue}, {year}'],
      topics: split('The Return of the Mega-Deal|Valuing Recurring Revenue'),
      venues: split('sector outlook|client note'),
    },
    summaries: [
      'Investment banker with {exp} of experience in {spec}, from modeling to execution.',
      '{spec} banker at {co}; I like complicated deals and clean models.',
      'Experienced in {s1} and {s2} across cross-border transactions.',
    ],
    leaderSummaries: [
      'Senior banker with {exp} of experience advising boards and sponsors on {spec} transactions.',
      'I lead {spec} coverage at {co}, originating and executing transactions across the region.',
    ],
    duties: [
      'Executes {spec} transactions for corporate and sponsor clients.',
      'Builds operating models, valuations and board materials.',
      'Leads deal teams of {team} bankers.',
      'Covers a portfolio of {n} corporate clients.',
    ],
  },
  {
    key: 'legal',
    name: 'Legal (Law Firms)',
    noun: 'lawyer',
    weight: 6,
    industries: [['Law Practice', 100]],
    partnerIndustries: ['Law Practice'],
    cityBoost: {
      'New York': 2,
      London: 2,
      Chicago: 1.3,
      'Los Angeles': 1.2,
      Paris: 1.2,
      'Hong Kong': 1.5,
      Singapore: 1.2,
      Bangalore: 0.4,
    },
    seniorityWeights: { intern: 4, entry: 8, associate: 33, senior: 25, lead: 10, partner: 20 },
    years: { entry: [0, 4], associate: [1, 4], senior: [4, 8], lead: [7, 15], partner: [8, 30] },
    titles: {
      intern: ['Summer Associate', 'Legal Intern'],
      entry: ['Law Clerk', 'Trainee Lawyer'],
      associate: ['Associate', 'Junior Associate'],
      senior: ['Senior Associate'],
      lead: ['Counsel', 'Of Counsel', 'Special Counsel'],
      partner: ['Partner', 'Equity Partner'],
    },
    specialties: [
      {
        name: 'M&A',
        skills: split(
          'Mergers & Acquisitions|Private Equity|Corporate Governance|Due Diligence|Contract Negotiation|Joint Ventures',
        ),
        platforms: split('Kira Systems|Intralinks'),
        titles: {
          associate: ['Corporate Associate', 'M&A Associate'],
          senior: ['Senior Corporate Associate'],
          partner: ['Corporate Partner', 'M&A Partner'],
        },
      },
      {
        name: 'Litigation',
        skills: split(
          'Litigation|Commercial Litigation|Legal Research|Legal Writing|Arbitration|Trial Advocacy|Securities Litigation',
        ),
        platforms: split('Relativity|Everlaw'),
        titles: {
          associate: ['Litigation Associate'],
          senior: ['Senior Litigation Associate'],
          partner: ['Litigation Partner'],
        },
      },
      {
        name: 'Capital Markets',
        skills: split(
          'Securities Regulation|Capital Markets|SEC Reporting|IPOs|Debt Offerings|Corporate Finance',
        ),
        platforms: split('EDGAR|Bloomberg Law'),
        titles: { associate: ['Capital Markets Associate'], partner: ['Capital Markets Partner'] },
      },
      {
        name: 'Finance',
        skills: split(
          'Leveraged Finance|Banking Law|Credit Agreements|Structured Finance|Contract Negotiation',
        ),
        platforms: ['Intralinks'],
        titles: { associate: ['Finance Associate'], senior: ['Senior Finance Associate'] },
      },
      {
        name: 'Intellectual Property',
        skills: split('Intellectual Property|Patent Litigation|Trademarks|Licensing|Technology Transactions'),
        platforms: split('Anaqua|PatSnap'),
        titles: { associate: ['IP Associate'] },
      },
      {
        name: 'Antitrust',
        skills: split(
          'Antitrust|Competition Law|Merger Control|Regulatory Compliance|Government Investigations',
        ),
        platforms: [],
        titles: { associate: ['Antitrust Associate'] },
      },
    ],
    skills: split('Legal Research|Legal Writing|Negotiation|Client Counseling|Drafting'),
    platforms: split('Westlaw|LexisNexis|Practical Law|iManage|Bloomberg Law'),
    education: {
      first: LAW_FIRST,
      second: {
        share: 0.25,
        options: [{ kind: 'llm', fields: split('Law|Corporate Law|International Business Law') }],
      },
    },
    projects: [
      {
        name: 'Cross-border pharmaceutical acquisition',
        description:
          "Led diligence and SPA negotiation for a client's {amt} acquisition of a European pharmaceutical group.",
        specialties: ['M&A'],
      },
      {
        name: 'Private equity take-private',
        description:
          'Advised a private equity sponsor on its {amt} take-private of a listed software company.',
        specialties: ['M&A'],
      },
      {
        name: 'Securities class action defense',
        description:
          'Part of the trial team that won dismissal of a securities class action against a Fortune 500 issuer.',
        specialties: ['Litigation'],
      },
      {
        name: 'ICC arbitration',
        description:
          'Represented an energy company in a {amt} ICC arbitration over a supply contract; the tribunal ruled for the client.',
        specialties: ['Litigation'],
      },
      {
        name: 'NASDAQ IPO',
        description:
          'Advised the underwriters on a {amt} NASDAQ IPO, including the registration statement and SEC comments.',
        specialties: ['Capital Markets'],
      },
      {
        name: 'Acquisition financing',
        description: 'Drafted the credit agreement for a {amt} acquisition financing with {n} lenders.',
        specialties: ['Finance'],
      },
      {
        name: 'Patent portfolio licensing',
        description:
          'Negotiated a worldwide licensing program for a {n}-family semiconductor patent portfolio.',
        specialties: ['Intellectual Property'],
      },
      {
        name: 'Merger control filings',
        description: 'Coordinated merger-control filings in {n} jurisdictions for a {amt} industrial deal.',
        specialties: ['Antitrust'],
      },
      {
        name: 'Pro bono asylum practice',
        description: 'Represented {n} asylum seekers pro bono; all received relief.',
      },
      {
        name: 'SaaS contract playbook',
        description:
          "Built the firm's negotiation playbook for SaaS vendor agreements, now used across {n} offices.",
      },
    ],
    publications: {
      share: 0.25,
      formats: ['"{topic}", {venue}, {year}'],
      topics: split(
        "Delaware Fiduciary Duties After Recent Chancery Decisions|The SEC's Climate Disclosure Rules: What Issuers Need to Know|Earn-Outs in Private M&A|Arbitration Clauses in Cross-Border Contracts|Reps & Warranties Insurance in Mid-Market Deals|Trade Secret Protection for Remote Workforces|Merger Control After the New Guidelines|Sanctions Compliance in Supply Contracts",
      ),
      venues: split(
        'client alert|Harvard Law School Forum on Corporate Governance|Law360|New York Law Journal|International Financial Law Review|law review note',
      ),
    },
    summaries: [
      '{spec} lawyer with {exp} of experience advising clients on {s1} and {s2}.',
      'I advise companies and funds on {spec} matters, from first draft to closing.',
      '{spec} lawyer at {co}; known for clear drafting and calm negotiations.',
    ],
    leaderSummaries: [
      '{spec} partner at {co} with {exp} of experience in {s1} and {s2}.',
      'I lead {spec} matters for public companies and private equity sponsors.',
    ],
    duties: [
      'Advises on {spec} matters for corporate and private equity clients.',
      'Drafts briefs, agreements and board papers under partner supervision.',
      'Manages a team of {team} lawyers on cross-border matters.',
      'Runs due diligence and disclosure workstreams.',
    ],
  },
  {
    key: 'legal-in-house',
    name: 'Legal (In-House)',
    noun: 'in-house counsel',
    weight: 2,
    industries: [
      ['Software Development', 25],
      ['Financial Services', 12],
      ['Banking', 12],
      ['Investment Management', 8],
      ['Pharmaceutical Manufacturing', 12],
      ['Retail', 8],
      ['Consumer Goods', 10],
      ['Hospitals and Health Care', 5],
      ['IT Services and IT Consulting', 8],
    ],
    titles: {
      intern: ['Legal Intern'],
      entry: ['Contracts Specialist', 'Legal Analyst'],
      associate: ['Corporate Counsel', 'Legal Counsel'],
      senior: ['Senior Corporate Counsel', 'Senior Legal Counsel'],
      lead: ['Lead Counsel', 'Product Counsel'],
      manager: ['Legal Operations Manager', 'Contracts Manager'],
      director: ['Associate General Counsel', 'Director, Legal'],
      vp: ['Deputy General Counsel', 'VP, Legal'],
      cxo: ['General Counsel', 'Chief Legal Officer'],
    },
    specialties: [
      {
        name: 'Commercial',
        skills: split('Commercial Contracts|Contract Negotiation|SaaS Agreements|Procurement'),
        platforms: split('Ironclad|DocuSign CLM'),
        titles: { associate: ['Commercial Counsel'], senior: ['Senior Commercial Counsel'] },
      },
      {
        name: 'Privacy',
        skills: split('Data Protection|GDPR|CCPA|Privacy Compliance|Information Governance'),
        platforms: split('OneTrust|TrustArc'),
        titles: { associate: ['Privacy Counsel'], senior: ['Senior Privacy Counsel'] },
      },
      {
        name: 'Employment',
        skills: split('Employment Law|Employee Relations|Workplace Investigations|Labor Law'),
        platforms: ['Workday'],
        titles: { associate: ['Employment Counsel'] },
      },
      {
        name: 'Regulatory',
        skills: split('Regulatory Compliance|Financial Regulation|AML/KYC|Licensing'),
        platforms: ['Thomson Reuters Regulatory Intelligence'],
        industries: ['Financial Services', 'Banking', 'Investment Management'],
        titles: { associate: ['Regulatory Counsel'] },
      },
      {
        name: 'Product',
        skills: split('Technology Transactions|Intellectual Property|Product Counseling|Consumer Protection'),
        platforms: split('Jira|Ironclad'),
        industries: ['Software Development', 'IT Services and IT Consulting', 'Financial Services'],
        titles: { lead: ['Product Counsel'] },
      },
    ],
    skills: split(
      'Legal Advice|Contract Negotiation|Risk Management|Corporate Governance|Stakeholder Management',
    ),
    platforms: split('Westlaw|LexisNexis|Practical Law|Ironclad|DocuSign'),
    education: {
      first: LAW_FIRST,
      second: {
        share: 0.15,
        options: [{ kind: 'llm', fields: split('Law|Technology Law|International Business Law') }],
      },
    },
    projects: [
      {
        name: 'Contract lifecycle rollout',
        description:
          'Rolled out a contract-lifecycle tool at {co}, cutting average turnaround from 12 to {x} days.',
        specialties: ['Commercial'],
      },
      {
        name: 'GDPR program',
        description: 'Led the GDPR program across {n} markets, including records of processing and DPIAs.',
        specialties: ['Privacy'],
      },
      {
        name: 'Self-serve NDA',
        description: 'Built a self-serve NDA flow that removed {pct} of routine legal requests.',
      },
      {
        name: 'AI use policy',
        description:
          'Drafted the company-wide policy on generative AI tools with security and product teams.',
      },
      {
        name: 'Licensing in new markets',
        description: 'Secured payment licences in {n} new markets ahead of launch.',
        specialties: ['Regulatory'],
      },
    ],
    publications: {
      share: 0.05,
      formats: ['"{topic}", {venue}, {year}'],
      topics: split('Building a Legal Ops Function from Scratch|Privacy by Design for Product Teams'),
      venues: split('ACC Docket|IAPP'),
    },
    summaries: [
      'In-house {spec} counsel with {exp} of experience supporting fast-moving businesses.',
      'I help {co} ship products safely: practical advice on {s1} and {s2}.',
      'Commercially minded lawyer focused on {s1}; former law-firm associate.',
    ],
    leaderSummaries: [
      'Legal leader with {exp} of experience building in-house teams and advising boards.',
      'I lead the legal team at {co}, covering {s1}, {s2} and governance.',
    ],
    duties: [
      'Advises product and sales teams on {spec} matters.',
      'Negotiates enterprise agreements with customers and vendors.',
      'Leads a legal team of {team}.',
    ],
  },
  {
    key: 'sales',
    name: 'Sales',
    noun: 'sales professional',
    weight: 10,
    industries: [
      ['Software Development', 35],
      ['IT Services and IT Consulting', 10],
      ['Financial Services', 8],
      ['Computer and Network Security', 10],
      ['Staffing and Recruiting', 5],
      ['Advertising Services', 8],
      ['Consumer Goods', 10],
      ['Pharmaceutical Manufacturing', 10],
      ['Retail', 4],
    ],
    titles: {
      intern: ['Sales Intern'],
      entry: ['Sales Development Representative', 'Business Development Representative'],
      associate: ['Account Executive', 'Account Manager'],
      senior: ['Senior Account Executive', 'Enterprise Account Executive'],
      lead: ['Strategic Account Executive', 'Sales Team Lead'],
      manager: ['Sales Manager', 'Regional Sales Manager'],
      director: ['Director of Sales', 'Sales Director'],
      vp: ['VP of Sales', 'Vice President, Sales'],
      cxo: ['Chief Revenue Officer'],
    },
    specialties: [
      {
        name: 'Enterprise SaaS',
        skills: split('Enterprise Sales|SaaS|MEDDICC|Solution Selling|Negotiation|Forecasting'),
        platforms: split('Salesforce|Gong|Clari|LinkedIn Sales Navigator'),
        industries: [
          'Software Development',
          'IT Services and IT Consulting',
          'Computer and Network Security',
          'Financial Services',
        ],
      },
      {
        name: 'Mid-Market',
        skills: split('Inside Sales|Prospecting|Cold Calling|Lead Generation|Pipeline Management'),
        platforms: split('HubSpot CRM|Outreach|Salesloft|ZoomInfo'),
      },
      {
        name: 'Medical Sales',
        skills: split(
          'Pharmaceutical Sales|Key Account Management|Healthcare|Medical Devices|Territory Management',
        ),
        platforms: split('Veeva CRM|Salesforce'),
        industries: ['Pharmaceutical Manufacturing'],
        titles: { associate: ['Medical Sales Representative'], senior: ['Senior Key Account Manager'] },
      },
      {
        name: 'Consumer Goods',
        skills: split('Key Account Management|Category Management|Trade Marketing|Negotiation|Retail Sales'),
        platforms: split('Nielsen|SAP|Salesforce'),
        industries: ['Consumer Goods', 'Retail'],
        titles: { associate: ['Key Account Manager'], senior: ['Senior Key Account Manager'] },
      },
      {
        name: 'Media Sales',
        skills: split('Advertising Sales|Media Planning|Programmatic Advertising|Client Relationships'),
        platforms: split('Google Ad Manager|The Trade Desk|Salesforce'),
        industries: ['Advertising Services'],
      },
    ],
    skills: split(
      'B2B Sales|Account Management|Negotiation|Sales Strategy|Customer Relationship Management (CRM)|Closing',
    ),
    platforms: split('Salesforce|HubSpot CRM|LinkedIn Sales Navigator|Gong|Outreach|ZoomInfo'),
    education: { first: UNDERGRAD_BUSINESS, second: { share: 0.1, options: [MBA] } },
    projects: [
      {
        name: 'DACH market entry',
        description: 'Opened the DACH market for {co}, closing {n} new enterprise logos in the first year.',
      },
      {
        name: 'Largest deal in company history',
        description: 'Closed a {acv} multi-year platform deal with a global bank after a nine-month cycle.',
        specialties: ['Enterprise SaaS'],
      },
      {
        name: "President's Club",
        description: "Finished the year at {quota} of quota and earned President's Club.",
      },
      {
        name: 'Outbound playbook',
        description: 'Wrote the outbound playbook for the SDR team; meetings booked per rep rose {pct}.',
      },
      {
        name: 'Hospital network rollout',
        description: 'Won formulary listing across {n} hospitals in the region.',
        specialties: ['Medical Sales'],
      },
      {
        name: 'Retail listing win',
        description: 'Secured national listing with a top-3 grocer, adding {acv} in annual revenue.',
        specialties: ['Consumer Goods'],
      },
    ],
    publications: {
      share: 0.02,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split('Why Discovery Calls Fail|Forecasting Without Wishful Thinking'),
      venues: split('company blog|Pavilion'),
    },
    summaries: [
      'Sales professional with {exp} of experience in {spec}, consistently above quota.',
      'I help customers buy well: discovery first, then {s1} and {s2}.',
      '{spec} seller at {co}; {quota} of quota last year.',
    ],
    leaderSummaries: [
      'Revenue leader with {exp} of experience building {spec} sales teams from first hire to scale.',
      'I run sales at {co}: hiring, forecasting and coaching a team of {team}.',
    ],
    duties: [
      'Owns a {spec} territory with a {acv} quota.',
      'Runs full-cycle sales from prospecting to close.',
      'Leads a team of {team} account executives.',
    ],
  },
  {
    key: 'marketing',
    name: 'Marketing',
    noun: 'marketer',
    weight: 7,
    industries: [
      ['Software Development', 25],
      ['Consumer Goods', 20],
      ['Advertising Services', 20],
      ['Retail', 12],
      ['Financial Services', 8],
      ['Pharmaceutical Manufacturing', 5],
      ['Business Consulting and Services', 5],
      ['Staffing and Recruiting', 5],
    ],
    titles: {
      intern: ['Marketing Intern'],
      entry: ['Marketing Coordinator', 'Marketing Assistant'],
      associate: ['Marketing Specialist', 'Digital Marketing Specialist', 'Content Strategist'],
      senior: ['Senior Marketing Specialist', 'Senior Content Strategist', 'Senior Growth Marketer'],
      lead: ['Growth Marketing Lead', 'Brand Lead', 'Content Lead'],
      manager: ['Marketing Manager', 'Product Marketing Manager', 'Brand Manager'],
      director: ['Director of Marketing', 'Marketing Director'],
      vp: ['VP of Marketing', 'Vice President, Marketing'],
      cxo: ['Chief Marketing Officer'],
    },
    specialties: [
      {
        name: 'Product Marketing',
        skills: split(
          'Product Marketing|Go-to-Market Strategy|Positioning|Competitive Analysis|Sales Enablement',
        ),
        platforms: split('Salesforce|Highspot|Gong'),
        titles: { manager: ['Product Marketing Manager', 'Senior Product Marketing Manager'] },
      },
      {
        name: 'Growth',
        skills: split(
          'Growth Marketing|SEO|SEM|Paid Social|Conversion Rate Optimization|Marketing Analytics',
        ),
        platforms: split('Google Analytics|Google Ads|Meta Ads Manager|Amplitude|Semrush'),
        titles: { associate: ['Performance Marketing Specialist'], senior: ['Senior Growth Marketer'] },
      },
      {
        name: 'Brand & Content',
        skills: split('Brand Strategy|Content Strategy|Copywriting|Storytelling|Social Media Marketing'),
        platforms: split('WordPress|Adobe Creative Cloud|Canva|Sprout Social'),
        titles: { associate: ['Content Marketing Specialist', 'Copywriter'], manager: ['Brand Manager'] },
      },
      {
        name: 'Lifecycle',
        skills: split('Marketing Automation|Email Marketing|Lead Scoring|Customer Segmentation|CRM'),
        platforms: split('HubSpot|Marketo|Braze|Salesforce Marketing Cloud'),
        titles: { associate: ['Lifecycle Marketing Specialist'], manager: ['Lifecycle Marketing Manager'] },
      },
      {
        name: 'Communications',
        skills: split('Public Relations|Media Relations|Corporate Communications|Crisis Communications'),
        platforms: split('Cision|Meltwater'),
        titles: { associate: ['Communications Specialist'], manager: ['Communications Manager'] },
      },
    ],
    skills: split('Digital Marketing|Marketing Strategy|Campaign Management|Project Management|Analytics'),
    platforms: split('HubSpot|Google Analytics|Salesforce|Canva|Asana'),
    education: {
      first: UNDERGRAD_BUSINESS,
      second: { share: 0.15, options: [MBA, { kind: 'ma', fields: split('Marketing|Communication') }] },
    },
    projects: [
      {
        name: 'Product launch campaign',
        description: 'Ran the global launch of {co}’s new product line; {k}k sign-ups in the first month.',
      },
      {
        name: 'SEO overhaul',
        description: 'Rebuilt the content hub and site architecture; organic traffic grew {pct} in a year.',
        specialties: ['Growth'],
      },
      {
        name: 'Brand refresh',
        description: 'Led the brand refresh with an external agency across {n} markets.',
        specialties: ['Brand & Content'],
      },
      {
        name: 'Lifecycle onboarding journey',
        description: 'Designed a Braze onboarding journey that lifted week-4 retention by {pct}.',
        specialties: ['Lifecycle'],
      },
      {
        name: 'Competitive battlecards',
        description: 'Built the battlecards and win-loss program used by {n} sellers.',
        specialties: ['Product Marketing'],
      },
      {
        name: 'Paid social efficiency',
        description:
          'Cut cost per acquisition by {pct} by restructuring paid social around creative testing.',
      },
    ],
    publications: {
      share: 0.04,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split(
        'Positioning for Crowded Markets|Creative Testing at Small Budgets|Brand Still Matters in B2B',
      ),
      venues: split('company blog|Marketing Week|Content Marketing World'),
    },
    summaries: [
      'Marketer with {exp} of experience in {spec}; I care about what moves revenue, not vanity metrics.',
      'I turn product value into stories people act on, with {s1}, {s2} and a lot of testing.',
      'I work on {spec} at {co}, mostly with {s1} and {p1}.',
    ],
    leaderSummaries: [
      'Marketing leader with {exp} of experience building brands and demand engines.',
      'I lead marketing at {co}: brand, demand and a team of {team}.',
    ],
    duties: [
      'Owns {spec} programs across {n} markets.',
      'Plans and runs campaigns with a {acv} annual budget.',
      'Leads a team of {team} marketers.',
    ],
  },
  {
    key: 'product-management',
    name: 'Product Management',
    noun: 'product manager',
    weight: 5,
    industries: [
      ['Software Development', 65],
      ['Financial Services', 15],
      ['Retail', 8],
      ['Computer and Network Security', 5],
      ['Banking', 4],
      ['IT Services and IT Consulting', 3],
    ],
    cityBoost: TECH_BOOST,
    titles: {
      intern: ['Product Management Intern'],
      entry: ['Associate Product Manager'],
      associate: ['Product Manager'],
      senior: ['Senior Product Manager'],
      lead: ['Principal Product Manager', 'Lead Product Manager'],
      manager: ['Group Product Manager'],
      director: ['Director of Product', 'Director of Product Management'],
      vp: ['VP of Product', 'Vice President, Product'],
      cxo: ['Chief Product Officer'],
    },
    specialties: [
      {
        name: 'Platform',
        skills: split('API Design|Developer Experience|Technical Product Management|Platform Strategy'),
        platforms: split('Jira|Confluence|Postman'),
        titles: { associate: ['Technical Product Manager'], senior: ['Senior Technical Product Manager'] },
      },
      {
        name: 'Growth',
        skills: split('Growth Strategy|A/B Testing|Funnel Optimization|SQL|Pricing'),
        platforms: split('Amplitude|Mixpanel|Optimizely|Looker'),
        titles: { associate: ['Growth Product Manager'] },
      },
      {
        name: 'B2B SaaS',
        skills: split('B2B SaaS|Product Discovery|Customer Research|Go-to-Market Strategy'),
        platforms: split('Productboard|Jira|Figma|Pendo'),
      },
      {
        name: 'Payments',
        skills: split('Payments|Fintech|Risk & Compliance|Product Strategy'),
        platforms: split('Stripe|Jira|Looker'),
        industries: ['Financial Services', 'Banking', 'Retail', 'Software Development'],
      },
      {
        name: 'AI Products',
        skills: split('Machine Learning Products|Large Language Models|Evaluation Design|Product Strategy'),
        platforms: split('OpenAI API|Amplitude|Jira'),
        titles: { senior: ['Senior Product Manager, AI'] },
      },
    ],
    skills: split(
      'Product Strategy|Roadmapping|User Research|Agile Methodologies|Stakeholder Management|Data-Driven Decision Making|Product Discovery',
    ),
    platforms: split('Jira|Confluence|Figma|Amplitude|Notion|Miro'),
    education: { first: [...ENG_DEGREES, ...UNDERGRAD_BUSINESS], second: { share: 0.25, options: [MBA] } },
    projects: [
      {
        name: 'Self-serve onboarding',
        description:
          'Launched self-serve onboarding at {co}; time to first value dropped from nine days to two.',
      },
      {
        name: 'Usage-based pricing',
        description: 'Led the move to usage-based pricing, growing net revenue retention by {pct}.',
        specialties: ['Growth'],
      },
      {
        name: 'Public API v2',
        description: 'Shipped the public API v2 and developer portal; {k}k developers in six months.',
        specialties: ['Platform'],
      },
      {
        name: 'Instant payouts',
        description: 'Launched instant payouts in {n} countries with risk and compliance partners.',
        specialties: ['Payments'],
      },
      {
        name: 'AI assistant beta',
        description: 'Took an LLM assistant from prototype to GA with an evaluation suite of {k}k cases.',
        specialties: ['AI Products'],
      },
      {
        name: 'Enterprise admin console',
        description: 'Built the enterprise admin console that unblocked {n} six-figure deals.',
        specialties: ['B2B SaaS'],
      },
    ],
    publications: {
      share: 0.04,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split(
        'Writing Specs Engineers Actually Read|Discovery in Regulated Industries|Pricing Is a Product',
      ),
      venues: split("Lenny's Newsletter guest post|Mind the Product|company blog"),
    },
    summaries: [
      'Product manager with {exp} of experience in {spec} products; I start from customer problems and measure outcomes.',
      'I work where customers, engineering and business meet: {s1}, {s2} and clear trade-offs.',
      '{spec} PM at {co}, previously an engineer.',
    ],
    leaderSummaries: [
      'Product leader with {exp} of experience building {spec} products and the teams that make them.',
      'I lead product at {co}: strategy, roadmap and a team of {team} PMs and designers.',
    ],
    duties: [
      'Owns the {spec} roadmap and its success metrics.',
      'Runs discovery with customers every week.',
      'Leads a group of {team} product managers.',
    ],
  },
  {
    key: 'design',
    name: 'Design',
    noun: 'product designer',
    weight: 4,
    industries: [
      ['Software Development', 55],
      ['Advertising Services', 20],
      ['Financial Services', 8],
      ['Retail', 8],
      ['Consumer Goods', 6],
      ['IT Services and IT Consulting', 3],
    ],
    cityBoost: {
      'San Francisco': 2,
      'New York': 1.5,
      London: 1.3,
      Berlin: 1.3,
      Amsterdam: 1.3,
      Stockholm: 1.3,
    },
    titles: {
      intern: ['Design Intern', 'UX Design Intern'],
      entry: ['Junior Product Designer', 'UX Designer'],
      associate: ['Product Designer', 'UX/UI Designer'],
      senior: ['Senior Product Designer'],
      lead: ['Lead Product Designer', 'Principal Designer', 'Staff Product Designer'],
      manager: ['Design Manager'],
      director: ['Director of Design', 'Head of Design'],
      vp: ['VP of Design'],
      cxo: ['Chief Design Officer'],
    },
    specialties: [
      {
        name: 'Product Design',
        skills: split('Product Design|Interaction Design|Prototyping|Wireframing|Usability Testing'),
        platforms: split('Figma|FigJam|Framer|Maze'),
      },
      {
        name: 'UX Research',
        skills: split('User Research|Usability Testing|Interviewing|Survey Design|Journey Mapping'),
        platforms: split('Dovetail|UserTesting|Maze|Qualtrics'),
        titles: {
          associate: ['UX Researcher'],
          senior: ['Senior UX Researcher'],
          lead: ['Lead UX Researcher'],
        },
      },
      {
        name: 'Brand Design',
        skills: split('Visual Design|Brand Identity|Typography|Illustration|Motion Design'),
        platforms: split('Adobe Creative Cloud|Figma|After Effects'),
        titles: { associate: ['Brand Designer'], senior: ['Senior Brand Designer'] },
      },
      {
        name: 'Design Systems',
        skills: split('Design Systems|Web Accessibility|Component Libraries|Design Tokens'),
        platforms: split('Figma|Storybook|Zeroheight'),
        titles: { senior: ['Senior Design Systems Designer'] },
      },
      {
        name: 'Content Design',
        skills: split('UX Writing|Content Design|Information Architecture|Voice and Tone'),
        platforms: split('Figma|Ditto'),
        titles: { associate: ['Content Designer', 'UX Writer'], senior: ['Senior Content Designer'] },
      },
    ],
    skills: split('User Experience (UX)|User Interface Design|Design Thinking|Accessibility|Visual Design'),
    platforms: split('Figma|Sketch|Adobe Creative Cloud|Miro|Framer'),
    education: {
      first: [
        {
          kind: 'ba',
          fields: split(
            'Graphic Design|Interaction Design|Industrial Design|Human-Computer Interaction|Psychology|Fine Arts',
          ),
        },
      ],
      second: {
        share: 0.15,
        options: [{ kind: 'msc', fields: split('Human-Computer Interaction|Interaction Design') }],
      },
    },
    projects: [
      {
        name: 'Checkout redesign',
        description: 'Redesigned the checkout flow at {co}; conversion rose {pct} in the A/B test.',
      },
      {
        name: 'Design system 2.0',
        description: 'Rebuilt the design system in Figma with tokens shared with code; adopted by {n} teams.',
        specialties: ['Design Systems'],
      },
      {
        name: 'Accessibility audit',
        description: 'Led a WCAG 2.2 audit and fixed {n} critical issues across web and mobile.',
      },
      {
        name: 'Research repository',
        description: 'Set up a research repository in Dovetail with {n}0 tagged interviews.',
        specialties: ['UX Research'],
      },
      {
        name: 'Rebrand',
        description: 'Designed the new visual identity, from logo to motion guidelines.',
        specialties: ['Brand Design'],
      },
      {
        name: 'Onboarding copy rewrite',
        description: 'Rewrote onboarding copy; support tickets about setup fell {pct}.',
        specialties: ['Content Design'],
      },
    ],
    publications: {
      share: 0.05,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split('Design Tokens in Practice|Accessible Data Visualization|Research Ops on a Budget'),
      venues: split('Medium|Smashing Magazine|Config talk'),
    },
    summaries: [
      'Designer with {exp} of experience in {spec}; I like hard problems and simple interfaces.',
      'I design products people understand on the first try, working closely with engineering in {p1}.',
      'I do {spec} at {co}, focused on {s1} and {s2}.',
    ],
    leaderSummaries: [
      'Design leader with {exp} of experience growing design teams and practices.',
      'I lead design at {co}, a team of {team} designers and researchers.',
    ],
    duties: [
      'Owns design for the {spec} area end to end.',
      'Runs weekly usability sessions with customers.',
      'Manages a team of {team} designers.',
    ],
  },
  {
    key: 'talent-acquisition',
    name: 'HR & Talent Acquisition',
    noun: 'recruiter',
    weight: 6,
    industries: [
      ['Staffing and Recruiting', 30],
      ['Software Development', 20],
      ['Banking', 6],
      ['Business Consulting and Services', 6],
      ['Hospitals and Health Care', 8],
      ['Retail', 8],
      ['Consumer Goods', 6],
      ['IT Services and IT Consulting', 6],
      ['Law Practice', 4],
      ['Accounting', 6],
    ],
    titles: {
      intern: ['HR Intern', 'Talent Acquisition Intern'],
      entry: ['Recruiting Coordinator', 'Talent Sourcer'],
      associate: ['Recruiter', 'Talent Acquisition Specialist'],
      senior: ['Senior Recruiter', 'Senior Talent Acquisition Specialist'],
      lead: ['Lead Recruiter', 'Talent Acquisition Lead'],
      manager: ['Talent Acquisition Manager', 'Recruiting Manager'],
      director: ['Director of Talent Acquisition', 'Head of Talent'],
      vp: ['VP of Talent', 'VP of People'],
      cxo: ['Chief People Officer'],
    },
    specialties: [
      {
        name: 'Technical Recruiting',
        skills: split('Technical Recruiting|Sourcing|Boolean Search|Candidate Experience|Interviewing'),
        platforms: split('LinkedIn Recruiter|Greenhouse|Gem|SeekOut'),
        titles: { associate: ['Technical Recruiter'], senior: ['Senior Technical Recruiter'] },
      },
      {
        name: 'Agency Recruiting',
        skills: split(
          'Full-Cycle Recruiting|Business Development|Candidate Sourcing|Client Management|Headhunting',
        ),
        platforms: split('Bullhorn|LinkedIn Recruiter|Loxo'),
        industries: ['Staffing and Recruiting'],
        titles: {
          associate: ['Recruitment Consultant'],
          senior: ['Senior Recruitment Consultant'],
          lead: ['Principal Consultant'],
          manager: ['Recruitment Manager'],
        },
      },
      {
        name: 'Legal Recruiting',
        skills: split('Legal Recruiting|Lateral Hiring|Candidate Sourcing|InMail Outreach|Market Mapping'),
        platforms: split('LinkedIn Recruiter|Bullhorn|Leopard Solutions'),
        industries: ['Staffing and Recruiting', 'Law Practice'],
        titles: {
          associate: ['Legal Recruiter'],
          senior: ['Senior Legal Recruiter'],
          manager: ['Legal Recruiting Manager'],
        },
      },
      {
        name: 'Executive Search',
        skills: split('Executive Search|Leadership Assessment|Market Mapping|Board Advisory'),
        platforms: split('LinkedIn Recruiter|Invenias'),
        industries: ['Staffing and Recruiting'],
        titles: {
          associate: ['Research Associate'],
          senior: ['Senior Search Consultant'],
          lead: ['Principal Consultant'],
        },
      },
      {
        name: 'People Operations',
        skills: split(
          'Employee Relations|HR Policies|Onboarding|Performance Management|Compensation & Benefits|HRIS',
        ),
        platforms: split('Workday|BambooHR|SAP SuccessFactors|Rippling'),
        ownTitles: true,
        titles: {
          intern: ['HR Intern'],
          entry: ['HR Coordinator', 'HR Assistant'],
          associate: ['HR Generalist', 'People Operations Specialist'],
          senior: ['Senior HR Generalist', 'Senior People Operations Specialist'],
          lead: ['HR Lead', 'People Operations Lead'],
          manager: ['HR Manager', 'People Operations Manager'],
          director: ['Director of People', 'HR Director'],
          vp: ['VP of People', 'Vice President, Human Resources'],
          cxo: ['Chief Human Resources Officer', 'Chief People Officer'],
        },
        summaries: [
          'HR generalist with {exp} of experience in employee relations, onboarding and {s1}.',
          'I help make {co} a good place to work: fair policies, smooth onboarding and {p1} that actually works.',
        ],
        duties: [
          'Advises managers on employee relations and performance reviews.',
          'Runs onboarding and HR operations for {n}0 employees.',
          'Leads a people operations team of {team}.',
        ],
      },
    ],
    skills: split(
      'Recruiting|Sourcing|Employer Branding|Interviewing|Talent Management|Diversity & Inclusion|Workforce Planning',
    ),
    platforms: split('LinkedIn Recruiter|Greenhouse|Lever|Workday|Gem'),
    education: {
      first: [
        {
          kind: 'ba',
          fields: split(
            'Psychology|Human Resources Management|Sociology|Communication|Business Administration',
          ),
        },
        { kind: 'bba', fields: split('Human Resources Management|Business Administration') },
      ],
      second: {
        share: 0.1,
        options: [{ kind: 'ma', fields: split('Human Resources Management|Organizational Psychology') }],
      },
    },
    projects: [
      {
        name: 'Personalized InMail templates',
        description:
          'Introduced a mandatory personalization step in InMail templates; 7-day response rate rose from 14% to 31%.',
      },
      {
        name: 'Engineering hiring ramp',
        description: 'Hired {n} engineers in 12 months while keeping offer acceptance above 85%.',
        specialties: ['Technical Recruiting'],
      },
      {
        name: 'Structured interviewing program',
        description: 'Rolled out structured interviews and scorecards across {n} teams.',
      },
      {
        name: 'ATS migration to Greenhouse',
        description: 'Led the move from spreadsheets to Greenhouse, including {k}k candidate records.',
      },
      {
        name: 'Lateral partner hires',
        description: 'Placed {n} lateral partners with Am Law 100 firms in two years.',
        specialties: ['Legal Recruiting'],
      },
      {
        name: 'Diverse slate program',
        description: 'Built a diverse-slate sourcing program; women in engineering offers rose {pct}.',
      },
      {
        name: 'Onboarding redesign',
        description: 'Redesigned onboarding; 90-day attrition fell {pct}.',
        specialties: ['People Operations'],
      },
    ],
    publications: {
      share: 0.03,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split(
        'InMails That Get Answers|Structured Interviews Without the Bureaucracy|Sourcing Passive Candidates',
      ),
      venues: split('LinkedIn Talent Blog|SHRM|company blog'),
    },
    summaries: [
      'Recruiter with {exp} of experience in {spec}; I treat candidates the way I would like to be treated.',
      'I find and close great people, mostly through {s1}, {s2} and a lot of personalized outreach on {p1}.',
      'I work in {spec} at {co}: fast, honest processes and people who feel looked after.',
    ],
    leaderSummaries: [
      'People leader with {exp} of experience building hiring engines and healthy cultures.',
      'I lead talent at {co}: recruiting, employer brand and a team of {team}.',
    ],
    duties: [
      'Runs full-cycle searches for {n} hiring managers.',
      'Sources passive candidates and manages outreach sequences.',
      'Leads a team of {team} recruiters and coordinators.',
    ],
  },
  {
    key: 'finance-accounting',
    name: 'Finance & Accounting',
    noun: 'finance professional',
    weight: 8,
    industries: [
      ['Accounting', 35],
      ['Banking', 10],
      ['Software Development', 10],
      ['Retail', 10],
      ['Consumer Goods', 10],
      ['Business Consulting and Services', 8],
      ['Pharmaceutical Manufacturing', 5],
      ['Hospitals and Health Care', 5],
      ['Financial Services', 7],
    ],
    partnerIndustries: ['Accounting'],
    seniorityWeights: {
      intern: 3,
      entry: 14,
      associate: 20,
      senior: 24,
      lead: 6,
      manager: 14,
      director: 8,
      vp: 4,
      cxo: 2,
      partner: 5,
    },
    years: { partner: [12, 32] },
    titles: {
      intern: ['Finance Intern', 'Audit Intern', 'Accounting Intern'],
      entry: ['Staff Accountant', 'Financial Analyst', 'Junior Accountant'],
      associate: ['Accountant', 'Financial Analyst II'],
      senior: ['Senior Accountant', 'Senior Financial Analyst'],
      lead: ['Lead Accountant', 'Finance Lead'],
      manager: ['Finance Manager', 'Accounting Manager'],
      director: ['Finance Director', 'Controller'],
      vp: ['VP of Finance', 'Vice President, Finance'],
      cxo: ['Chief Financial Officer', 'CFO'],
      partner: ['Audit Partner', 'Tax Partner'],
    },
    specialties: [
      {
        name: 'Audit',
        skills: split('Audit|External Audit|Internal Controls|SOX Compliance|GAAP|IFRS'),
        platforms: split('Caseware|Excel|Alteryx|TeamMate'),
        ownTitles: true,
        titles: {
          entry: ['Staff Auditor', 'Audit Assistant'],
          associate: ['Audit Associate'],
          senior: ['Senior Auditor', 'Audit Senior'],
          manager: ['Audit Manager'],
          director: ['Audit Director'],
          partner: ['Audit Partner'],
        },
      },
      {
        name: 'Tax',
        skills: split('Tax Compliance|Tax Planning|Transfer Pricing|International Tax|Corporate Tax'),
        platforms: split('Thomson Reuters ONESOURCE|CCH Axcess|Excel'),
        ownTitles: true,
        titles: {
          associate: ['Tax Associate'],
          senior: ['Tax Senior', 'Senior Tax Accountant'],
          manager: ['Tax Manager'],
          director: ['Tax Director'],
          partner: ['Tax Partner'],
        },
      },
      {
        name: 'FP&A',
        skills: split(
          'Financial Planning & Analysis (FP&A)|Budgeting|Forecasting|Financial Modeling|Variance Analysis',
        ),
        platforms: split('Anaplan|Adaptive Planning|Excel|Power BI|Oracle Hyperion'),
        titles: {
          entry: ['Financial Analyst'],
          senior: ['Senior Financial Analyst', 'Senior FP&A Analyst'],
          manager: ['FP&A Manager'],
          director: ['Director of FP&A'],
        },
      },
      {
        name: 'Controllership',
        skills: split(
          'General Ledger|Month-End Close|Account Reconciliation|Revenue Recognition|ASC 606|Financial Reporting',
        ),
        platforms: split('SAP|Oracle NetSuite|BlackLine|Excel'),
        titles: {
          manager: ['Accounting Manager', 'Assistant Controller'],
          director: ['Controller', 'Financial Controller'],
        },
      },
      {
        name: 'Treasury',
        skills: split('Treasury Management|Cash Management|FX Hedging|Liquidity Planning'),
        platforms: split('Kyriba|SAP|Bloomberg'),
        titles: { associate: ['Treasury Analyst'], manager: ['Treasury Manager'] },
      },
    ],
    skills: split('Excel|Financial Reporting|GAAP|IFRS|Financial Analysis|Accounting'),
    platforms: split('SAP|Oracle NetSuite|Microsoft Excel|Workday Financials|QuickBooks|Power BI'),
    credential: {
      share: 0.4,
      byCountry: {
        US: 'CPA',
        CA: 'CPA',
        GB: 'ACA',
        IE: 'ACA',
        IN: 'Chartered Accountant',
        AU: 'CA ANZ',
        NZ: 'CA ANZ',
        ZA: 'CA(SA)',
      },
      other: 'ACCA',
    },
    education: {
      first: [
        { kind: 'bba', fields: split('Accounting|Accounting|Finance|Economics') },
        { kind: 'bsc', fields: split('Accounting|Economics|Mathematics') },
      ],
      second: { share: 0.15, options: [MBA, { kind: 'msc', fields: split('Accounting|Finance') }] },
    },
    projects: [
      {
        name: 'Month-end close in five days',
        description:
          'Cut the month-end close at {co} from 12 to 5 working days with BlackLine reconciliations.',
        specialties: ['Controllership'],
      },
      {
        name: 'SAP S/4HANA migration',
        description: 'Finance lead for the SAP S/4HANA migration across {n} entities.',
      },
      {
        name: 'Driver-based forecasting',
        description:
          'Replaced spreadsheet budgets with a driver-based model in Anaplan; forecast error fell {pct}.',
        specialties: ['FP&A'],
      },
      {
        name: 'IPO readiness',
        description: 'Prepared SEC-ready financial statements and SOX controls ahead of the IPO.',
      },
      {
        name: 'Transfer pricing redesign',
        description: 'Redesigned intercompany transfer pricing across {n} jurisdictions.',
        specialties: ['Tax'],
      },
      {
        name: 'Audit of a listed retailer',
        description: 'Ran the year-end audit of a listed retailer with {amt} in revenue.',
        specialties: ['Audit'],
      },
      {
        name: 'FX hedging program',
        description: 'Set up a rolling FX hedging program covering {pct} of forecast exposure.',
        specialties: ['Treasury'],
      },
    ],
    publications: {
      share: 0.03,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split(
        'Revenue Recognition for Usage-Based Pricing|A Faster Close Without More People|Pillar Two for Mid-Sized Groups',
      ),
      venues: split('Journal of Accountancy|firm insights|CFO Dive'),
    },
    summaries: [
      'Finance professional with {exp} of experience in {spec}, strong in {s1} and {s2}.',
      'I keep the numbers right and make them useful: {spec}, reporting and a lot of {p1}.',
      'I work in {spec} at {co}; I like clean ledgers and controls that auditors do not need to question.',
    ],
    leaderSummaries: [
      'Finance leader with {exp} of experience in {spec}, reporting and building teams.',
      'I lead finance at {co}: planning, reporting and a team of {team}.',
    ],
    duties: [
      'Handles {spec} for the regional entities.',
      'Prepares monthly reporting and variance analysis for leadership.',
      'Leads a team of {team} accountants and analysts.',
    ],
  },
  {
    key: 'nursing',
    name: 'Healthcare & Nursing',
    noun: 'nurse',
    weight: 8,
    industries: [['Hospitals and Health Care', 100]],
    seniorityWeights: {
      intern: 3,
      entry: 25,
      associate: 20,
      senior: 25,
      lead: 12,
      manager: 9,
      director: 4,
      vp: 1,
      cxo: 1,
    },
    titles: {
      intern: ['Student Nurse', 'Nursing Intern'],
      entry: ['Registered Nurse', 'Staff Nurse'],
      associate: ['Registered Nurse', 'Clinical Nurse'],
      senior: ['Senior Registered Nurse', 'Senior Staff Nurse'],
      lead: ['Charge Nurse', 'Lead Nurse'],
      manager: ['Nurse Manager', 'Clinical Nurse Manager'],
      director: ['Director of Nursing'],
      vp: ['Vice President of Patient Care Services'],
      cxo: ['Chief Nursing Officer'],
    },
    specialties: [
      {
        name: 'Critical Care',
        skills: split('Critical Care Nursing|ICU|Ventilator Management|Hemodynamic Monitoring|ACLS'),
        platforms: ['Philips IntelliVue'],
        titles: { associate: ['ICU Registered Nurse'], senior: ['Senior ICU Nurse'] },
      },
      {
        name: 'Emergency',
        skills: split('Emergency Nursing|Triage|Trauma Care|ACLS|PALS'),
        platforms: [],
        titles: { associate: ['Emergency Room Nurse'], senior: ['Senior Emergency Nurse'] },
      },
      {
        name: 'Pediatrics',
        skills: split('Pediatric Nursing|PALS|Family-Centered Care|Neonatal Care'),
        platforms: [],
        titles: { associate: ['Pediatric Registered Nurse'], senior: ['Senior Pediatric Nurse'] },
      },
      {
        name: 'Oncology',
        skills: split('Oncology Nursing|Chemotherapy Administration|Palliative Care|Symptom Management'),
        platforms: [],
        titles: { associate: ['Oncology Nurse'], senior: ['Senior Oncology Nurse'] },
      },
      {
        name: 'Perioperative',
        skills: split('Perioperative Nursing|Surgical Nursing|Sterile Technique|Post-Anesthesia Care'),
        platforms: [],
        titles: { associate: ['Operating Room Nurse'], senior: ['Senior Theatre Nurse'] },
      },
      {
        name: 'Advanced Practice',
        skills: split('Advanced Practice Nursing|Patient Assessment|Prescribing|Chronic Disease Management'),
        platforms: [],
        ownTitles: true,
        titles: {
          senior: ['Nurse Practitioner', 'Advanced Nurse Practitioner'],
          lead: ['Lead Nurse Practitioner'],
        },
      },
    ],
    skills: split(
      'Patient Care|Patient Safety|Medication Administration|Basic Life Support (BLS)|Electronic Health Records|Care Planning|Patient Education|Infection Control',
    ),
    platforms: split('Epic|Cerner|Meditech|Pyxis MedStation|Omnicell'),
    education: {
      first: [{ kind: 'bsn', fields: ['Nursing'] }],
      second: {
        share: 0.2,
        options: [{ kind: 'msn', fields: split('Nursing|Nursing Leadership|Family Nurse Practitioner') }],
      },
    },
    projects: [
      {
        name: 'Sepsis screening protocol',
        description:
          'Rolled out a nurse-driven sepsis screening protocol on a {n}-bed unit, cutting time to antibiotics by {pct}.',
      },
      {
        name: 'Falls prevention',
        description: 'Led a falls-prevention initiative that reduced inpatient falls by {pct} in one year.',
      },
      {
        name: 'Epic go-live',
        description: 'Super-user for the Epic go-live at {co}; trained {n} nurses on the new workflows.',
      },
      {
        name: 'New-graduate preceptor program',
        description:
          'Designed the preceptor program for new-graduate nurses; first-year retention rose to 90%.',
      },
      {
        name: 'CLABSI reduction',
        description: 'Cut central-line infections to zero for 14 months with a bundle audit on the ICU.',
        specialties: ['Critical Care'],
      },
      {
        name: 'ED triage redesign',
        description: 'Redesigned emergency triage; door-to-provider time fell {pct}.',
        specialties: ['Emergency'],
      },
    ],
    publications: {
      share: 0.06,
      formats: ['"{topic}", {venue}, {year}'],
      topics: split(
        'Nurse-Led Sepsis Screening on Medical Wards|Reducing Central Line Infections in the ICU|Preceptorship and New-Graduate Retention|Early Warning Scores in Practice',
      ),
      venues: split(
        'American Journal of Nursing|Journal of Nursing Management|Critical Care Nurse|conference poster',
      ),
    },
    summaries: [
      'Registered nurse with {exp} of experience in {spec}, committed to safe, compassionate care.',
      '{spec} nurse at {co}; calm under pressure and fluent in {p1}.',
      'I care for patients and families in {spec}, with a focus on {s1} and {s2}.',
    ],
    leaderSummaries: [
      'Nurse leader with {exp} of experience improving quality and staff retention.',
      'I lead nursing at {co}: {n} units and more than {team}0 nurses.',
    ],
    duties: [
      'Provides {spec} care on a {n}-bed unit.',
      'Precepts new graduates and students.',
      'Manages staffing and quality for a unit of {team}0 nurses.',
    ],
  },
  {
    key: 'devops-sre',
    name: 'DevOps & Site Reliability',
    noun: 'site reliability engineer',
    weight: 4,
    industries: [
      ['Software Development', 55],
      ['IT Services and IT Consulting', 15],
      ['Financial Services', 10],
      ['Banking', 6],
      ['Retail', 5],
      ['Computer and Network Security', 5],
      ['Investment Management', 4],
    ],
    cityBoost: TECH_BOOST,
    titles: {
      intern: ['DevOps Intern', 'Site Reliability Engineering Intern'],
      entry: ['Junior DevOps Engineer', 'Cloud Support Engineer'],
      associate: ['DevOps Engineer', 'Site Reliability Engineer', 'Cloud Engineer'],
      senior: ['Senior Site Reliability Engineer', 'Senior DevOps Engineer', 'Senior Platform Engineer'],
      lead: ['Staff Site Reliability Engineer', 'Principal Platform Engineer', 'Lead DevOps Engineer'],
      manager: ['SRE Manager', 'Platform Engineering Manager'],
      director: ['Director of Infrastructure', 'Director of Platform Engineering'],
      vp: ['VP of Infrastructure'],
    },
    specialties: [
      {
        name: 'Site Reliability',
        skills: split(
          'Site Reliability Engineering|Incident Management|SLOs|Observability|Capacity Planning|Go',
        ),
        platforms: split('Prometheus|Grafana|PagerDuty|Datadog|Kubernetes'),
      },
      {
        name: 'Platform',
        skills: split(
          'Platform Engineering|Kubernetes Operators|Service Mesh|Internal Developer Platforms|Go',
        ),
        platforms: split('Kubernetes|Argo CD|Istio|Backstage|Helm'),
        titles: { associate: ['Platform Engineer'], senior: ['Senior Platform Engineer'] },
      },
      {
        name: 'Cloud Infrastructure',
        skills: split('Cloud Architecture|Infrastructure as Code|Networking|Cost Optimization|Python'),
        platforms: split('AWS|Terraform|Google Cloud|Azure|Ansible'),
        titles: { associate: ['Cloud Engineer'], senior: ['Senior Cloud Engineer'] },
      },
      {
        name: 'CI/CD',
        skills: split('CI/CD|Build Systems|Release Engineering|Bash|Python'),
        platforms: split('GitHub Actions|Jenkins|Bazel|GitLab CI|Artifactory'),
        titles: { associate: ['Build and Release Engineer'] },
      },
    ],
    skills: split('Linux|Infrastructure as Code|CI/CD|Bash|Python|Troubleshooting'),
    platforms: split('Kubernetes|Terraform|AWS|Docker|Prometheus|Grafana|Datadog|GitHub Actions'),
    education: { first: ENG_DEGREES },
    projects: [
      {
        name: 'Kubernetes migration',
        description:
          'Moved {n} services from VMs to Kubernetes with Argo CD, cutting deploy time to minutes.',
      },
      {
        name: 'SLO program',
        description: 'Introduced SLOs and error budgets for {n} services; paging volume fell {pct}.',
        specialties: ['Site Reliability'],
      },
      {
        name: 'Terraform everything',
        description: 'Brought {n}00 hand-made AWS resources under Terraform with policy checks in CI.',
        specialties: ['Cloud Infrastructure'],
      },
      {
        name: 'Build times halved',
        description: 'Moved the monorepo to Bazel remote caching; CI time fell from 45 to {x} minutes.',
        specialties: ['CI/CD'],
      },
      {
        name: 'Internal developer platform',
        description: 'Built a Backstage-based developer portal; new services go live in a day.',
        specialties: ['Platform'],
      },
      {
        name: 'Multi-region failover',
        description: 'Designed active-active failover across two regions; tested with quarterly game days.',
      },
    ],
    publications: {
      share: 0.05,
      formats: ['Talk: "{topic}", {venue} {year}'],
      topics: split(
        'Error Budgets That Teams Respect|Kubernetes Upgrades Without Fear|Cutting Cloud Costs Without Heroics',
      ),
      venues: split('SREcon|KubeCon|DevOpsDays'),
    },
    summaries: [
      'Infrastructure engineer with {exp} of experience keeping production boring, mostly with {p1} and {s1}.',
      'I build {spec} tooling that lets developers ship safely and sleep at night.',
      '{spec} engineer at {co}; automation first, runbooks second, heroics never.',
    ],
    leaderSummaries: [
      'Infrastructure leader with {exp} of experience running reliable platforms at scale.',
      'I lead the platform organization at {co}, {team} engineers across SRE and cloud.',
    ],
    duties: [
      'On call for the core {spec} stack.',
      'Runs incident reviews and reliability roadmaps.',
      'Leads a team of {team} platform engineers.',
    ],
  },
  {
    key: 'cybersecurity',
    name: 'Cybersecurity',
    noun: 'security engineer',
    weight: 4,
    industries: [
      ['Computer and Network Security', 40],
      ['Software Development', 20],
      ['Banking', 12],
      ['Financial Services', 8],
      ['IT Services and IT Consulting', 10],
      ['Accounting', 5],
    ],
    cityBoost: { 'Tel Aviv': 2.5, 'San Francisco': 1.5, London: 1.3, Bangalore: 1.5, Singapore: 1.3 },
    titles: {
      intern: ['Security Intern', 'Cybersecurity Intern'],
      entry: ['SOC Analyst', 'Security Analyst'],
      associate: ['Security Engineer', 'Penetration Tester', 'Information Security Analyst'],
      senior: ['Senior Security Engineer', 'Senior Penetration Tester', 'Senior Security Analyst'],
      lead: ['Principal Security Engineer', 'Security Architect', 'Lead Security Engineer'],
      manager: ['Security Engineering Manager', 'SOC Manager'],
      director: ['Director of Information Security', 'Director of Security Engineering'],
      vp: ['VP of Security'],
      cxo: ['Chief Information Security Officer', 'CISO'],
    },
    specialties: [
      {
        name: 'Security Operations',
        skills: split('Incident Response|Threat Hunting|SIEM|Digital Forensics|Threat Intelligence'),
        platforms: split('Splunk|Microsoft Sentinel|CrowdStrike Falcon|Wireshark'),
        titles: { associate: ['Incident Response Analyst'], senior: ['Senior Incident Responder'] },
      },
      {
        name: 'Application Security',
        skills: split('Application Security|Secure Code Review|Threat Modeling|OWASP Top 10|Python'),
        platforms: split('Burp Suite|Snyk|Semgrep|GitHub Advanced Security'),
        titles: {
          associate: ['Application Security Engineer'],
          senior: ['Senior Application Security Engineer'],
        },
      },
      {
        name: 'Cloud Security',
        skills: split('Cloud Security|Identity and Access Management|Zero Trust|Kubernetes Security'),
        platforms: split('Wiz|AWS|HashiCorp Vault|Okta'),
        titles: { associate: ['Cloud Security Engineer'], senior: ['Senior Cloud Security Engineer'] },
      },
      {
        name: 'Offensive Security',
        skills: split('Penetration Testing|Red Teaming|Exploit Development|Social Engineering'),
        platforms: split('Metasploit|Burp Suite|Cobalt Strike|Kali Linux'),
        titles: {
          associate: ['Penetration Tester'],
          senior: ['Senior Penetration Tester', 'Red Team Operator'],
        },
      },
      {
        name: 'GRC',
        skills: split('Security Compliance|SOC 2|ISO 27001|NIST CSF|Risk Assessment|Vendor Risk Management'),
        platforms: split('Vanta|Drata|ServiceNow GRC|OneTrust'),
        titles: { associate: ['GRC Analyst'], senior: ['Senior GRC Analyst'] },
      },
    ],
    skills: split(
      'Information Security|Network Security|Vulnerability Management|Risk Management|Linux|Security Awareness',
    ),
    platforms: split('Splunk|CrowdStrike Falcon|Palo Alto Networks|Okta|Nessus|Wireshark'),
    credential: { share: 0.35, byCountry: {}, other: 'CISSP' },
    education: {
      first: [...ENG_DEGREES, { kind: 'bsc', fields: split('Cybersecurity|Information Security') }],
      second: {
        share: 0.2,
        options: [{ kind: 'msc', fields: split('Cybersecurity|Information Security|Computer Science') }],
      },
    },
    projects: [
      {
        name: 'SOC 2 Type II in six months',
        description: 'Took {co} from no formal program to SOC 2 Type II in six months.',
        specialties: ['GRC'],
      },
      {
        name: 'Detection engineering',
        description: 'Wrote {n} detections as code with tests; mean time to detect fell {pct}.',
        specialties: ['Security Operations'],
      },
      {
        name: 'Zero-trust rollout',
        description: 'Replaced the VPN with identity-aware access for {k}k employees.',
        specialties: ['Cloud Security'],
      },
      {
        name: 'Bug bounty program',
        description: 'Launched the public bug bounty program; triaged {n}0 valid reports in year one.',
      },
      {
        name: 'Red team exercise',
        description:
          'Led an assumed-breach red team exercise reaching domain admin in {n} days; all findings fixed.',
        specialties: ['Offensive Security'],
      },
      {
        name: 'Secure SDLC',
        description: 'Embedded threat modeling and SAST in CI for {n} engineering teams.',
        specialties: ['Application Security'],
      },
    ],
    publications: {
      share: 0.12,
      formats: ['"{topic}" ({venue}, {year})'],
      topics: split(
        'Living off the Land in Cloud Environments|Detection as Code at Scale|Attacking CI/CD Pipelines|Phishing-Resistant MFA in Practice',
      ),
      venues: split('talk at DEF CON|talk at Black Hat USA|talk at BSides London|security research blog'),
    },
    summaries: [
      'Security engineer with {exp} of experience in {spec}; I make the secure path the easy one.',
      'I defend {co} with {s1}, {s2} and well-tuned {p1}.',
      '{spec} practitioner; curious about how things break and patient about fixing them.',
    ],
    leaderSummaries: [
      'Security leader with {exp} of experience building programs that engineers actually like.',
      'I lead security at {co}: {spec}, compliance and a team of {team}.',
    ],
    duties: [
      'Works on {spec} across the company.',
      'Runs incident response and post-incident reviews.',
      'Leads a team of {team} security engineers.',
    ],
  },
];

// --- schools ----------------------------------------------------------------------------------

const GLOBAL_UNIVERSITIES = split(
  'Harvard University|Stanford University|Massachusetts Institute of Technology|University of Oxford|University of Cambridge|ETH Zurich|University of California, Berkeley|Imperial College London|National University of Singapore|University of Toronto|Carnegie Mellon University|Princeton University',
);
const LAW_SCHOOLS: Readonly<Record<string, readonly string[]>> = {
  US: split(
    'Harvard Law School|Yale Law School|Stanford Law School|Columbia Law School|NYU School of Law|University of Chicago Law School|Georgetown University Law Center|University of Pennsylvania Carey Law School|UC Berkeley School of Law|Northwestern Pritzker School of Law|UCLA School of Law|Boston University School of Law|The University of Texas School of Law|Emory University School of Law|Fordham University School of Law',
  ),
  CA: split('University of Toronto Faculty of Law|Osgoode Hall Law School|McGill University Faculty of Law'),
};
const LLM_SCHOOLS = split(
  "Harvard Law School|Columbia Law School|NYU School of Law|University of Cambridge|London School of Economics and Political Science|King's College London|University of Oxford|Georgetown University Law Center",
);
const BUSINESS_SCHOOLS: Readonly<Record<string, readonly string[]>> = {
  US: split(
    'Harvard Business School|Stanford Graduate School of Business|The Wharton School|Columbia Business School|Kellogg School of Management|MIT Sloan School of Management|Chicago Booth School of Business|UCLA Anderson School of Management|NYU Stern School of Business',
  ),
  GB: split(
    'London Business School|Saïd Business School, University of Oxford|Cambridge Judge Business School',
  ),
  FR: split('INSEAD|HEC Paris'),
  ES: split('IE Business School|IESE Business School'),
  CH: split('IMD|University of St. Gallen'),
  IN: split('Indian School of Business|IIM Bangalore|IIM Ahmedabad'),
  SG: split('INSEAD|NUS Business School'),
  HK: split('HKUST Business School|CUHK Business School'),
  CA: split('Rotman School of Management|Ivey Business School'),
  AU: split('AGSM @ UNSW Business School|Melbourne Business School'),
  global: split(
    'INSEAD|London Business School|Harvard Business School|IE Business School|The Wharton School',
  ),
};
const PRE_LAW_FIELDS = split('Political Science|History|Economics|English|Philosophy');

const SCHOOL_NAMES: string[] = [];
const SCHOOL_IDS = new Map<string, number>();
function schoolIds(names: readonly string[]): readonly number[] {
  return names.map((n) => {
    let id = SCHOOL_IDS.get(n);
    if (id === undefined) {
      id = SCHOOL_NAMES.length;
      SCHOOL_NAMES.push(n);
      SCHOOL_IDS.set(n, id);
    }
    return id;
  });
}
const LOCAL_SCHOOLS = LOCATIONS.map((l) => schoolIds(l.universities));
const COUNTRY_SCHOOLS = LOCATIONS.map((l) =>
  schoolIds(LOCATIONS.filter((o) => o.country === l.country).flatMap((o) => o.universities)),
);
const citySchools = (...cities: string[]): string[] =>
  LOCATIONS.filter((l) => cities.includes(l.city)).flatMap((l) => l.universities);

/**
 * Where members of a name culture living outside its home countries often studied, and how often:
 * an engineer from Bangalore working in Seattle more likely has an Indian degree than one from
 * Tokyo. (Low shares where most people of that heritage are locally born.)
 */
const HOME_SCHOOLS: Partial<
  Record<NameCulture, { countries: readonly string[]; share: number; schools: readonly number[] }>
> = {
  in: { countries: ['IN'], share: 0.55, schools: schoolIds(citySchools('Bangalore')) },
  zh: {
    countries: ['CN'],
    share: 0.5,
    schools: schoolIds(
      split(
        'Tsinghua University|Peking University|Fudan University|Zhejiang University|Shanghai Jiao Tong University',
      ),
    ),
  },
  hk: { countries: ['HK'], share: 0.4, schools: schoolIds(citySchools('Hong Kong')) },
  sg: { countries: ['SG'], share: 0.5, schools: schoolIds(citySchools('Singapore')) },
  ko: {
    countries: ['KR'],
    share: 0.4,
    schools: schoolIds(split('Seoul National University|KAIST|Yonsei University|Korea University')),
  },
  ja: { countries: ['JP'], share: 0.5, schools: schoolIds(citySchools('Tokyo')) },
  mx: { countries: ['MX'], share: 0.2, schools: schoolIds(citySchools('Mexico City')) },
  es: { countries: ['ES'], share: 0.5, schools: schoolIds(citySchools('Madrid')) },
  pt: { countries: ['BR'], share: 0.5, schools: schoolIds(citySchools('São Paulo')) },
  fr: { countries: ['FR'], share: 0.5, schools: schoolIds(citySchools('Paris')) },
  de: { countries: ['DE'], share: 0.5, schools: schoolIds(citySchools('Berlin', 'Munich')) },
  ch: { countries: ['CH'], share: 0.5, schools: schoolIds(citySchools('Zurich')) },
  nl: { countries: ['NL'], share: 0.5, schools: schoolIds(citySchools('Amsterdam')) },
  sv: { countries: ['SE'], share: 0.5, schools: schoolIds(citySchools('Stockholm')) },
  pl: { countries: ['PL'], share: 0.35, schools: schoolIds(citySchools('Warsaw')) },
  it: {
    countries: ['IT'],
    share: 0.2,
    schools: schoolIds(
      split('Politecnico di Milano|Università Bocconi|Sapienza Università di Roma|Università di Bologna'),
    ),
  },
  he: { countries: ['IL'], share: 0.5, schools: schoolIds(citySchools('Tel Aviv')) },
  ar: {
    countries: ['AE'],
    share: 0.5,
    schools: schoolIds([
      ...citySchools('Dubai'),
      ...split('American University of Beirut|Cairo University|King Saud University'),
    ]),
  },
  ng: { countries: ['NG'], share: 0.5, schools: schoolIds(citySchools('Lagos')) },
  za: { countries: ['ZA'], share: 0.5, schools: schoolIds(citySchools('Johannesburg')) },
  ie: { countries: ['IE'], share: 0.25, schools: schoolIds(citySchools('Dublin')) },
};
const GLOBAL_SCHOOLS = schoolIds(GLOBAL_UNIVERSITIES);
const GENERAL_FALLBACK = schoolIds(['Harvard University', 'University of Toronto']);
const LLM_SCHOOL_IDS = schoolIds(LLM_SCHOOLS);
const LAW_SCHOOL_IDS: Readonly<Record<string, readonly number[]>> = {
  US: schoolIds(LAW_SCHOOLS.US ?? []),
  CA: schoolIds(LAW_SCHOOLS.CA ?? []),
};
const MBA_SCHOOL_IDS: Readonly<Record<string, readonly number[]>> = Object.fromEntries(
  Object.entries(BUSINESS_SCHOOLS).map(([k, v]) => [k, schoolIds(v)]),
);

/** What a school awards degrees in; a general university awards anything. */
type SchoolKind = 'general' | 'technical' | 'business' | 'medical';
const SCHOOL_KINDS: readonly (readonly [SchoolKind, readonly string[]])[] = [
  [
    'technical',
    split(
      'Munich University of Applied Sciences|Indian Institute of Science|IIT Bombay|IIT Madras|BITS Pilani|National Institute of Technology Karnataka|RV College of Engineering|École Polytechnique|CentraleSupélec|California Institute of Technology|Colorado School of Mines|Georgia Institute of Technology|Technion – Israel Institute of Technology|KTH Royal Institute of Technology|ETH Zurich|EPFL|Delft University of Technology|Technical University of Munich|Technische Universität Berlin|Hasso Plattner Institute|Tokyo Institute of Technology|Warsaw University of Technology|Universidad Politécnica de Madrid|Instituto Politécnico Nacional|Khalifa University|Singapore University of Technology and Design|Massachusetts Institute of Technology|Imperial College London|KAIST',
    ),
  ],
  [
    'business',
    split(
      'HEC Paris|ESSEC Business School|SGH Warsaw School of Economics|Stockholm School of Economics|Kozminski University|University of St. Gallen|Insper|Fundação Getulio Vargas|London School of Economics and Political Science|Sciences Po|Hitotsubashi University|Baruch College|Singapore Management University|Instituto Tecnológico Autónomo de México (ITAM)|Università Bocconi',
    ),
  ],
  ['medical', split('Karolinska Institutet|Medical University of Warsaw')],
];
const KIND_OF_SCHOOL = new Map<string, SchoolKind>(
  SCHOOL_KINDS.flatMap(([k, names]) => names.map((n) => [n, k] as const)),
);
const BUSINESS_LIKE_FIELDS = new Set(
  split(
    'Business Administration|Economics|Finance|Marketing|Management|Accounting|Human Resources Management|Communication',
  ),
);

/** The kind of school, besides a general university, that can award this degree. */
function degreeNeeds(kind: DegreeKind, field: string): SchoolKind {
  switch (kind) {
    case 'bsn':
    case 'msn':
      return 'medical';
    case 'bba':
    case 'mba':
      return 'business';
    case 'law':
    case 'llm':
    case 'ma':
      return 'general';
    case 'ba':
      return BUSINESS_LIKE_FIELDS.has(field) ? 'business' : 'general';
    default:
      return BUSINESS_LIKE_FIELDS.has(field) ? 'business' : 'technical';
  }
}

// Every school is interned by now.
const SCHOOL_KIND_BY_ID: readonly SchoolKind[] = SCHOOL_NAMES.map((n) => KIND_OF_SCHOOL.get(n) ?? 'general');

/** Whether a school plausibly awards a degree that needs this kind of school. */
function schoolFits(school: number, needs: SchoolKind): boolean {
  const kind = SCHOOL_KIND_BY_ID[school]!;
  return kind === 'general' || kind === needs;
}

const NORTH_AMERICA = new Set(['US', 'CA']);
const COMMONWEALTH_COMMERCE = new Set(['GB', 'IE', 'AU', 'NZ', 'IN', 'ZA', 'CA', 'SG', 'HK', 'NG']);

/** The label a member from `country` would write for a degree of this kind. */
function degreeLabel(kind: DegreeKind, country: string): string {
  const na = NORTH_AMERICA.has(country);
  switch (kind) {
    case 'bsc':
      return na ? 'Bachelor of Science (BS)' : 'Bachelor of Science (BSc)';
    case 'beng':
      if (na) return 'Bachelor of Science (BS)';
      if (country === 'IN') return 'Bachelor of Technology (BTech)';
      if (country === 'FR') return "Diplôme d'ingénieur";
      return country === 'DE' || country === 'CH' || country === 'NL'
        ? 'Bachelor of Science (BSc)'
        : 'Bachelor of Engineering (BEng)';
    case 'ba':
      return 'Bachelor of Arts (BA)';
    case 'bba':
      return COMMONWEALTH_COMMERCE.has(country) && country !== 'US'
        ? 'Bachelor of Commerce (BCom)'
        : 'Bachelor of Business Administration (BBA)';
    case 'msc':
      return na ? 'Master of Science (MS)' : 'Master of Science (MSc)';
    case 'ma':
      return 'Master of Arts (MA)';
    case 'mba':
      return 'Master of Business Administration (MBA)';
    case 'phd':
      return 'Doctor of Philosophy (PhD)';
    case 'law':
      return na ? 'Juris Doctor (JD)' : 'Bachelor of Laws (LLB)';
    case 'llm':
      return 'Master of Laws (LLM)';
    case 'bsn':
      return country === 'US' ? 'Bachelor of Science in Nursing (BSN)' : 'Bachelor of Nursing (BN)';
    case 'msn':
      return country === 'US' ? 'Master of Science in Nursing (MSN)' : 'Master of Nursing (MN)';
  }
}

// --- PRNG -------------------------------------------------------------------------------------

/** murmur3's 32-bit finalizer: a cheap, well-mixing hash step. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes
 * PractRand, and is a handful of integer operations per draw — much cheaper than re-seeding faker.
 */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(index: number, seed: number, salt: number) {
    const lo = index >>> 0;
    const hi = Math.floor(index / 4294967296) >>> 0;
    const s = mix32((seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) ^ salt));
    this.a = mix32(lo ^ s);
    this.b = mix32(hi ^ this.a ^ 0x9e3779b9);
    this.c = mix32(s ^ this.b ^ 0x632be5ab);
    this.d = 1;
    // The first outputs of sfc32 still show the seed's structure; burn them.
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (((this.c << 21) | (this.c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const MEMBER_SALT = 0x5eed0001;
const GRAPH_SALT = 0x6a7a0002;

/** Items with weights, picked in O(log n). */
class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error('Weighted: no entry with a positive weight');
    this.items = kept.map(([item]) => item);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// --- precomputed models -------------------------------------------------------------------------

const SEN = Object.fromEntries(SENIORITIES.map((s, i) => [s, i])) as Record<Seniority, number>;
const INDUSTRY_INDEX = new Map<Industry, number>(INDUSTRIES.map((n, i) => [n, i]));

/** All employers, by a global index (what positions and the graph store). */
const COMPANY_NAMES: string[] = [];
const COMPANIES_IN_INDUSTRY: number[][] = INDUSTRIES.map(() => []);
INDUSTRIES.forEach((industry, ii) => {
  for (const c of COMPANIES_BY_INDUSTRY[industry]) {
    COMPANIES_IN_INDUSTRY[ii]!.push(COMPANY_NAMES.length);
    COMPANY_NAMES.push(c.name);
  }
});

/** Employers of an industry a member in a location can work for, weighted by size. */
const LOCAL_EMPLOYERS: Weighted<number>[][] = INDUSTRIES.map((industry, ii) => {
  const infos = COMPANIES_BY_INDUSTRY[industry];
  const ids = COMPANIES_IN_INDUSTRY[ii]!;
  return LOCATIONS.map((l) => {
    const local = ids.filter((_, k) => {
      const c = infos[k]!;
      if (!c.countries && !c.cities) return true;
      return (c.countries?.includes(l.country) ?? false) || (c.cities?.includes(l.city) ?? false);
    });
    // No local employer in this industry (say, hospitals without one listed): fall back to all.
    const pool = local.length > 0 ? local : ids;
    return new Weighted(pool.map((id) => [id, infos[ids.indexOf(id)]!.size] as const));
  });
});
/** Employers anywhere in the location's country (for a job before moving cities). */
const COUNTRY_EMPLOYERS: Weighted<number>[][] = INDUSTRIES.map((industry, ii) => {
  const infos = COMPANIES_BY_INDUSTRY[industry];
  const ids = COMPANIES_IN_INDUSTRY[ii]!;
  return LOCATIONS.map((l) => {
    const cities = new Set(LOCATIONS.filter((o) => o.country === l.country).map((o) => o.city));
    const pool = ids.filter((_, k) => {
      const c = infos[k]!;
      if (!c.countries && !c.cities) return true;
      return (c.countries?.includes(l.country) ?? false) || (c.cities?.some((x) => cities.has(x)) ?? false);
    });
    return new Weighted(
      (pool.length > 0 ? pool : ids).map((id) => [id, infos[ids.indexOf(id)]!.size] as const),
    );
  });
});
const ANY_EMPLOYER: Weighted<number>[] = INDUSTRIES.map((industry, ii) => {
  const infos = COMPANIES_BY_INDUSTRY[industry];
  return new Weighted(COMPANIES_IN_INDUSTRY[ii]!.map((id, k) => [id, infos[k]!.size] as const));
});

interface FamilyModel {
  family: RoleFamily;
  /** Seniority indexes the family has, ordered by minimum years (its career ladder). */
  ladder: readonly number[];
  rank: Int8Array;
  years: readonly (readonly [number, number])[];
  seniority: Weighted<number>;
  location: Weighted<number>;
  industry: Weighted<number>;
  partnerIndustry: Weighted<number> | undefined;
  /** Specialties per industry index; `partner` variants keep those with partner titles. */
  specialties: readonly (readonly Specialty[])[];
  partnerSpecialties: readonly (readonly Specialty[])[];
}

const FAMILY_MODELS: readonly FamilyModel[] = ROLE_FAMILIES.map((family) => {
  const available = SENIORITIES.map((_, i) => i).filter((i) => family.titles[SENIORITIES[i]!] !== undefined);
  const years = SENIORITIES.map((s) => family.years?.[s] ?? YEARS_BY_SENIORITY[s]);
  const ladder = [...available].sort((x, y) => years[x]![0] - years[y]![0] || x - y);
  const rank = new Int8Array(SENIORITIES.length).fill(-1);
  ladder.forEach((s, r) => (rank[s] = r));
  const weights = family.seniorityWeights ?? SENIORITY_WEIGHTS;
  const hasPartner = family.titles.partner !== undefined && family.partnerIndustries !== undefined;
  const specsFor = (ii: number, partner: boolean): readonly Specialty[] => {
    const industry = INDUSTRIES[ii]!;
    let specs: readonly Specialty[] = family.specialties.filter(
      (s) => !s.industries || s.industries.includes(industry),
    );
    if (specs.length === 0) specs = family.specialties.filter((s) => !s.industries);
    if (specs.length === 0) specs = family.specialties;
    if (partner) {
      const withPartner = specs.filter((s) => s.titles?.partner);
      if (withPartner.length > 0) specs = withPartner;
    }
    return specs;
  };
  return {
    family,
    ladder,
    rank,
    years,
    seniority: new Weighted(
      available
        .filter((i) => SENIORITIES[i] !== 'partner' || hasPartner)
        .map((i) => [i, weights[SENIORITIES[i]!] ?? 0] as const),
    ),
    location: new Weighted(
      LOCATIONS.map((l, i) => [i, l.weight * (family.cityBoost?.[l.city] ?? 1)] as const),
    ),
    industry: new Weighted(family.industries.map(([n, w]) => [INDUSTRY_INDEX.get(n)!, w] as const)),
    partnerIndustry: family.partnerIndustries
      ? new Weighted(family.partnerIndustries.map((n) => [INDUSTRY_INDEX.get(n)!, 1] as const))
      : undefined,
    specialties: INDUSTRIES.map((_, ii) => specsFor(ii, false)),
    partnerSpecialties: INDUSTRIES.map((_, ii) => specsFor(ii, true)),
  };
});
const FAMILY_PICK = new Weighted(ROLE_FAMILIES.map((f, i) => [i, f.weight] as const));
const NAME_PICK = LOCATIONS.map((l) => new Weighted(l.names));

// --- skeleton: the structural draws (also what the connection graph needs) -----------------

interface PositionSkeleton {
  company: number;
  seniority: number;
  start: number;
  end: number | null;
}

interface EducationSkeleton {
  school: number;
  kind: DegreeKind;
  field: string;
  year: number;
}

interface Skeleton {
  model: FamilyModel;
  specialty: Specialty;
  location: number;
  /** Name culture: drives the name, languages and, for immigrants, where they studied. */
  culture: NameCulture;
  seniority: number;
  industry: number;
  years: number;
  careerStart: number;
  /** Newest first; the first one is current. */
  positions: PositionSkeleton[];
  /** Newest first. */
  education: EducationSkeleton[];
}

const INTERN = SEN.intern;
const PARTNER = SEN.partner;
const CXO = SEN.cxo;

/**
 * Draws everything structural about a member, in a fixed order from `rng`. generateMember
 * continues with the same rng for the texts, so this must stay the first thing it does.
 */
function drawSkeleton(rng: Rng): Skeleton {
  const model = FAMILY_MODELS[FAMILY_PICK.pick(rng)]!;
  const location = model.location.pick(rng);
  const culture = NAME_PICK[location]!.pick(rng);
  const seniority = model.seniority.pick(rng);
  const partner = seniority === PARTNER;
  const industry =
    partner && model.partnerIndustry ? model.partnerIndustry.pick(rng) : model.industry.pick(rng);
  const specialty = rng.pick((partner ? model.partnerSpecialties : model.specialties)[industry]!);
  const [minYears, maxYears] = model.years[seniority]!;
  const years = rng.range(minYears, maxYears);
  const careerStart = REFERENCE_YEAR - years;

  const current = LOCAL_EMPLOYERS[industry]![location]!.pick(rng);
  const senior = seniority >= SEN.director && seniority !== PARTNER;
  // Nobody holds a rung for longer than their experience beyond its minimum (no partner in year 3).
  const maxTenure = Math.min(years, years - minYears + 1, senior || partner ? 8 : 5);
  const tenure = rng.range(0, Math.max(0, maxTenure));
  const currentStart = REFERENCE_YEAR - tenure;
  const positions: PositionSkeleton[] = [{ company: current, seniority, start: currentStart, end: null }];
  const used = [current];

  const otherCompany = (): number | undefined => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ii = rng.chance(0.7) ? industry : model.industry.pick(rng);
      // Mostly a local employer; sometimes one elsewhere in the country, rarely abroad.
      const r = rng.float();
      const pool = r < 0.75 ? LOCAL_EMPLOYERS : r < 0.92 ? COUNTRY_EMPLOYERS : undefined;
      const c = pool ? pool[ii]![location]!.pick(rng) : ANY_EMPLOYER[ii]!.pick(rng);
      if (!used.includes(c)) {
        used.push(c);
        return c;
      }
    }
    // A city with one or two employers in the industry: take any other one in the industry.
    const all = COMPANIES_IN_INDUSTRY[industry]!;
    const offset = rng.int(all.length);
    for (let k = 0; k < all.length; k++) {
      const c = all[(offset + k) % all.length]!;
      if (!used.includes(c)) {
        used.push(c);
        return c;
      }
    }
    return undefined;
  };

  // Earlier jobs, newest first: stints of one to seven years going back from the current job. A
  // long career is not listed in full (people drop their first jobs); a short one reaches its
  // start and may begin with an internship.
  const span = currentStart - careerStart;
  const maxStint = 7;
  const regular = span >= 1 ? rng.range(Math.min(4, Math.ceil(span / maxStint)), Math.min(4, span)) : 0;
  let end = currentStart;
  let newerSeniority = seniority;
  for (let m = 0; m < regular; m++) {
    const older = regular - m - 1;
    // Keep at least a year for each older stint.
    const room = end - careerStart - older;
    if (room < 1) break;
    const toStart = end - careerStart;
    const duration = older === 0 && toStart <= maxStint ? toStart : 1 + rng.int(Math.min(maxStint, room));
    const company = otherCompany();
    if (company === undefined) break;
    const start = end - duration;
    // The title shown for a past job is the one held when leaving it.
    const sen = pastSeniority(model, newerSeniority, Math.max(0, end - 1 - careerStart), rng);
    positions.push({ company, seniority: sen, start, end });
    newerSeniority = sen;
    end = start;
  }
  const hasInternTitle = model.rank[INTERN]! >= 0;
  const internship =
    hasInternTitle &&
    end === careerStart &&
    positions.length < 5 &&
    (positions.length === 1 || years <= 2 || (years <= 6 && rng.chance(0.25)));
  if (internship) {
    const company = otherCompany();
    if (company !== undefined) {
      positions.push({ company, seniority: INTERN, start: careerStart - 1, end: careerStart - 1 });
    }
  }

  return {
    model,
    specialty,
    location,
    culture,
    seniority,
    industry,
    years,
    careerStart,
    positions,
    education: drawEducation(rng, model.family, location, culture, careerStart, seniority, years),
  };
}

/** The seniority of an earlier job: the highest rung reachable with that much experience. */
function pastSeniority(model: FamilyModel, newer: number, experience: number, rng: Rng): number {
  const newerRank = model.rank[newer]!;
  let best = -1;
  let second = -1;
  for (let r = 0; r <= newerRank; r++) {
    const s = model.ladder[r]!;
    if (s === INTERN) continue;
    if ((s === CXO || s === PARTNER) && s !== newer) continue;
    if (model.years[s]![0] > experience) continue;
    second = best;
    best = s;
  }
  if (best < 0) return model.ladder.find((s) => s !== INTERN) ?? newer;
  // Sometimes a rung lower (a title lagging behind experience), never one that is implausible.
  return second >= 0 && model.years[second]![1] >= experience && rng.chance(0.3) ? second : best;
}

function drawEducation(
  rng: Rng,
  family: RoleFamily,
  location: number,
  culture: NameCulture,
  careerStart: number,
  seniority: number,
  years: number,
): EducationSkeleton[] {
  const country = LOCATIONS[location]!.country;
  const intern = seniority === INTERN;
  // The degree that starts a career is finished the year work starts or the year before;
  // interns are still studying and graduate this year or next.
  const entryYear = intern ? REFERENCE_YEAR + rng.int(2) : careerStart - (rng.chance(0.35) ? 1 : 0);
  const out: EducationSkeleton[] = [];
  const home = HOME_SCHOOLS[culture];
  const abroad = home !== undefined && !home.countries.includes(country);
  // Mostly a university in the city, else elsewhere in the country, at home for immigrants, or a
  // famous one abroad (not for a law degree, which is national) — and one that teaches the subject.
  const draw = (global: boolean): number => {
    if (abroad && rng.chance(home.share)) return rng.pick(home.schools);
    const r = rng.float();
    if (r < 0.85 || (!global && r >= 0.93)) return rng.pick(LOCAL_SCHOOLS[location]!);
    if (r < 0.93) return rng.pick(COUNTRY_SCHOOLS[location]!);
    return rng.pick(GLOBAL_SCHOOLS);
  };
  const school = (kind: DegreeKind, field: string): number => {
    const needs = degreeNeeds(kind, field);
    // Law and nursing are licensed nationally: those degrees come from home.
    const global = needs !== 'medical' && kind !== 'law';
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = draw(global);
      if (schoolFits(id, needs)) return id;
    }
    return rng.pick(
      COUNTRY_SCHOOLS[location]!.filter((id) => schoolFits(id, needs)).concat(GENERAL_FALLBACK),
    );
  };
  const degree = (kind: DegreeKind, fields: readonly string[], year: number): EducationSkeleton => {
    const field = rng.pick(fields);
    return { school: school(kind, field), kind, field, year };
  };
  const first = rng.pick(family.education.first);
  const second = family.education.second;

  if (first.kind === 'law') {
    const lawSchools = LAW_SCHOOL_IDS[country];
    if (lawSchools) {
      // A JD follows a bachelor's degree in something else.
      out.push({ school: rng.pick(lawSchools), kind: 'law', field: 'Law', year: entryYear });
      out.push(degree('ba', PRE_LAW_FIELDS, entryYear - 3 - rng.int(2)));
    } else {
      if (second && !intern && rng.chance(second.share)) {
        const llm = rng.pick(second.options);
        out.push({
          school: rng.pick(LLM_SCHOOL_IDS),
          kind: 'llm',
          field: rng.pick(llm.fields),
          year: entryYear + 1,
        });
      }
      out.push(degree('law', ['Law'], entryYear));
    }
    return out;
  }

  const extra = second && rng.chance(second.share) ? rng.pick(second.options) : undefined;
  if (extra?.kind === 'mba') {
    if (!intern && years >= 4) {
      const where = MBA_SCHOOL_IDS[country] && rng.chance(0.6) ? country : 'global';
      const year = Math.min(REFERENCE_YEAR - 1, careerStart + 3 + rng.int(5));
      out.push({
        school: rng.pick(MBA_SCHOOL_IDS[where]!),
        kind: 'mba',
        field: rng.pick(extra.fields),
        year,
      });
    }
    out.push(degree(first.kind, first.fields, entryYear));
  } else if (extra) {
    out.push(degree(extra.kind, extra.fields, entryYear));
    const gap = extra.kind === 'phd' ? 5 + rng.int(2) : 1 + rng.int(2);
    out.push(degree(first.kind, first.fields, entryYear - gap));
  } else {
    out.push(degree(first.kind, first.fields, entryYear));
  }
  return out;
}

// --- dressing: names and texts ----------------------------------------------------------------

const ENGLISH_SPEAKING = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'SG']);
const RARELY_ENGLISH = new Set(['JP', 'BR', 'MX', 'FR', 'ES', 'PL', 'DE']);
const ADOPTS_ENGLISH_NAMES = new Set<NameCulture>(['zh', 'ko']);
const SLAVIC_FEMININE = /(ski|cki|dzki)$/;
const EXTRA_LANGUAGES = split('Spanish|French|German|Mandarin|Portuguese|Italian|Japanese|Arabic');
const EURO = new Set(['IE', 'FR', 'DE', 'NL', 'ES']);
const BIG_AMOUNTS = split('350M|480M|750M|1.2B|2B|2.7B|4.5B|9B');
const SMALL_AMOUNTS = split('250K|400K|650K|1.1M|1.8M|3.2M|6M');
const LEAD_SKILLS = split('Mentoring|Project Leadership|Cross-functional Collaboration');
const TECH_LEAD_SKILLS = split(
  'Mentoring|Technical Leadership|Software Architecture|Cross-functional Collaboration',
);
const TECH_FAMILIES = new Set(['software-engineering', 'data-science', 'devops-sre', 'cybersecurity']);
const MANAGER_SKILLS = split(
  'People Management|Team Leadership|Hiring|Stakeholder Management|Strategic Planning|Budget Management|Cross-functional Collaboration',
);
const PARTNER_SKILLS = split(
  'Client Relationship Management|Business Development|Team Leadership|Practice Management',
);
const EXTRA_SENTENCES = [
  'Previously at {past}.',
  'Based in {city}.',
  'Outside work I run, cook and read too many history books.',
  'Always happy to talk shop with people starting out in the field.',
  'Mentor with a local nonprofit for first-generation students.',
];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Machine Learning" -> "machine learning", "Mid-Market" -> "mid-market"; NLP, M&A, SaaS keep their case. */
function lowerWords(s: string): string {
  return s
    .split(' ')
    .map((w) => (/^[A-Z][a-z]+(-[A-Z][a-z]+)*$/.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

function experiencePhrase(years: number): string {
  if (years >= 20) return 'over 20 years';
  if (years >= 15) return 'over 15 years';
  return years === 1 ? '1 year' : `${years} years`;
}

/** Picks up to `k` distinct items, keeping the order in which they were drawn. */
function pickDistinct(rng: Rng, items: readonly string[], k: number, into: string[]): void {
  const want = Math.min(k, items.length);
  let added = 0;
  for (let attempt = 0; added < want && attempt < want * 6; attempt++) {
    const item = rng.pick(items);
    if (!into.includes(item)) {
      into.push(item);
      added++;
    }
  }
}

function titleFor(model: FamilyModel, specialty: Specialty, seniority: number, rng: Rng): string {
  const s = SENIORITIES[seniority]!;
  const special = specialty.titles?.[s];
  if (special && (specialty.ownTitles || rng.chance(0.5))) return rng.pick(special);
  // Some families have no title at this rung for this specialty's wording; the family's always exists.
  return rng.pick(model.family.titles[s] ?? special ?? ['Professional']);
}

function drawName(rng: Rng, location: LocationInfo, culture: NameCulture): { first: string; last: string } {
  const names = NAMES[culture];
  const female = rng.chance(0.5);
  let first = rng.pick(female ? names.female : names.male);
  // Many Chinese and Korean professionals in English-speaking countries go by an English name.
  if (ADOPTS_ENGLISH_NAMES.has(culture) && ENGLISH_SPEAKING.has(location.country) && rng.chance(0.4)) {
    first = rng.pick(female ? NAMES.en.female : NAMES.en.male);
  }
  let last = names.moreLast && rng.chance(0.4) ? rng.pick(names.moreLast) : rng.pick(names.last);
  if (last === first) last = rng.pick(names.last); // "Laurent Laurent" exists, but rarely
  if (female && culture === 'pl' && SLAVIC_FEMININE.test(last)) last = `${last.slice(0, -1)}a`;
  return { first, last };
}

function drawLanguages(rng: Rng, location: LocationInfo, culture: NameCulture): string[] {
  const names = NAMES[culture];
  const languages: string[] = [];
  // English is the working language of the network; some locals in a few countries skip it.
  if (culture === 'en' || !RARELY_ENGLISH.has(location.country) || rng.chance(0.85))
    languages.push('English');
  if (names.languages.length > 0 && rng.chance(names.languageShare)) {
    const native = rng.pick(names.languages);
    if (!languages.includes(native)) languages.push(native);
  }
  const cityLanguage = location.languages[0];
  if (cityLanguage && !languages.includes(cityLanguage)) {
    const localCulture = location.names[0]?.[0] === culture;
    if (rng.chance(localCulture ? 0.9 : 0.35)) languages.push(cityLanguage);
  }
  const second = location.languages[1];
  if (second && !languages.includes(second) && rng.chance(0.3)) languages.push(second);
  if (rng.chance(0.12)) {
    const extra = rng.pick(EXTRA_LANGUAGES);
    if (!languages.includes(extra)) languages.push(extra);
  }
  if (languages.length === 0) languages.push('English');
  return languages;
}

/**
 * Generates member `index` (0-based) of the synthetic network. Fully determined by
 * `(index, seed)`: independent of how many members are generated and in which order.
 *
 * @example
 * generateMember(0).email; // 'member1@demo.test'
 * generateMember(16, 42).headline; // the same string on every run and machine
 */
export function generateMember(index: number, seed = 42): SyntheticMember {
  if (!Number.isSafeInteger(index) || index < 0)
    throw new RangeError(`index must be a non-negative integer, got ${index}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const rng = new Rng(index, seed, MEMBER_SALT);
  const sk = drawSkeleton(rng);
  const { model, specialty } = sk;
  const family = model.family;
  const location = LOCATIONS[sk.location]!;
  const country = location.country;

  const culture = sk.culture;
  const name = drawName(rng, location, culture);

  // One title per rung, so a career never reads "Software Engineer I -> Software Engineer -> I".
  const titles: (string | undefined)[] = [];
  const positions: Position[] = sk.positions.map((p) => ({
    title: (titles[p.seniority] ??= titleFor(model, specialty, p.seniority, rng)),
    company: COMPANY_NAMES[p.company]!,
    startYear: p.start,
    endYear: p.end,
  }));
  const current = positions[0]!;

  const skills: string[] = [];
  pickDistinct(rng, specialty.skills, rng.range(3, 5), skills);
  pickDistinct(rng, family.skills, rng.range(1, 3), skills);
  const seniority = SENIORITIES[sk.seniority]!;
  if (seniority === 'lead')
    pickDistinct(rng, TECH_FAMILIES.has(family.key) ? TECH_LEAD_SKILLS : LEAD_SKILLS, 1, skills);
  else if (seniority === 'partner') pickDistinct(rng, PARTNER_SKILLS, 2, skills);
  else if (sk.seniority >= SEN.manager) pickDistinct(rng, MANAGER_SKILLS, rng.range(1, 3), skills);
  if (family.credential && sk.seniority !== INTERN && rng.chance(family.credential.share)) {
    const credential = family.credential.byCountry[country] ?? family.credential.other;
    if (!skills.includes(credential)) skills.push(credential);
  }
  const platforms: string[] = [];
  pickDistinct(rng, specialty.platforms, rng.range(2, 3), platforms);
  pickDistinct(rng, family.platforms, rng.range(specialty.platforms.length === 0 ? 2 : 0, 2), platforms);

  const amount = (list: readonly string[]): string => {
    const symbol = country === 'GB' ? '£' : EURO.has(country) ? '€' : '$';
    return symbol + rng.pick(list);
  };
  const pastCompany = positions[1]?.company ?? current.company;
  const latestDegree = sk.education[0];
  const values = (key: string): string => {
    switch (key) {
      case 'co':
        return current.company;
      case 'past':
        return pastCompany;
      case 'city':
        return location.city;
      case 'noun':
        return family.noun;
      case 'exp':
        return experiencePhrase(sk.years);
      case 's1':
        return skills[0]!;
      case 's2':
        return skills[1] ?? skills[0]!;
      case 'p1':
        return platforms[0] ?? skills[2] ?? skills[0]!;
      case 'school':
        return latestDegree ? SCHOOL_NAMES[latestDegree.school]! : location.city;
      case 'amt':
        return amount(BIG_AMOUNTS);
      case 'acv':
        return amount(SMALL_AMOUNTS);
      case 'pct':
        return `${10 + rng.int(56)}%`;
      case 'quota':
        return `${110 + rng.int(78)}%`;
      case 'n':
        return String(3 + rng.int(38));
      case 'k':
        return String(20 + rng.int(880));
      case 'x':
        return String(2 + rng.int(8));
      case 'team':
        return String(4 + rng.int(32));
      default:
        return key;
    }
  };
  const fill = (template: string): string =>
    template.replace(/\{(\w+)\}/g, (_, key: string, offset: number) =>
      key === 'spec' ? (offset === 0 ? specialty.name : lowerWords(specialty.name)) : values(key),
    );

  // Duties that mention a team size are for people who manage one.
  const allDuties = specialty.duties ?? family.duties;
  const icDuties = allDuties.filter((d) => !d.includes('{team}'));
  positions.forEach((p, k) => {
    if (sk.positions[k]!.seniority === INTERN || !rng.chance(0.45)) return;
    const duties = sk.positions[k]!.seniority >= SEN.manager ? allDuties : icDuties;
    if (duties.length > 0) p.description = fill(rng.pick(duties));
  });

  const headlineTail = [skills[0], platforms[0] ?? skills[1]].filter((x) => x !== undefined).join(', ');
  const headline = rng.chance(0.6)
    ? `${current.title} at ${current.company} | ${headlineTail}`
    : `${current.title} at ${current.company}`;

  const openToWork = rng.chance(0.15);
  const sentences: string[] = [];
  const article = /^[AEIOU]/.test(current.title) ? 'an' : 'a';
  if (sk.seniority === INTERN) {
    sentences.push(fill(`Student at {school}, currently ${article} ${current.title} at {co}.`));
  } else if (sk.years < 2) {
    sentences.push(
      rng.chance(0.5)
        ? fill(`Early-career ${family.noun} focused on {s1} and {s2}.`)
        : fill(`Recent graduate of {school}, now ${article} ${current.title} at {co}.`),
    );
  } else {
    const leader = sk.seniority >= SEN.manager;
    sentences.push(
      fill(rng.pick(leader ? family.leaderSummaries : (specialty.summaries ?? family.summaries))),
    );
  }
  const extras = rng.int(3);
  for (let i = 0; i < extras; i++) {
    const sentence = rng.pick(EXTRA_SENTENCES);
    if (sentence.includes('{past}') && positions.length < 2) continue;
    const text = fill(sentence);
    if (!sentences.includes(text)) sentences.push(text);
  }
  if (openToWork && sentences.length < 3) {
    sentences.push(`Open to new ${lowerWords(specialty.name)} roles in ${location.city} or remote.`);
  }
  const summary = sentences.map(capitalize).join(' ');

  const projects: Project[] = [];
  const junior = sk.seniority <= SEN.entry;
  const projectCount = junior ? rng.int(2) : Math.min(3, Math.floor(rng.float() * 4.2));
  if (projectCount > 0) {
    const eligible = family.projects.filter((t) => !t.specialties || t.specialties.includes(specialty.name));
    const names: string[] = [];
    for (let attempt = 0; projects.length < projectCount && attempt < 12; attempt++) {
      const t = rng.pick(eligible);
      if (names.includes(t.name)) continue;
      names.push(t.name);
      projects.push({ name: t.name, description: fill(t.description) });
    }
  }

  const publications: string[] = [];
  const pubs = family.publications;
  const phd = sk.education.some((e) => e.kind === 'phd');
  if (rng.chance(phd ? Math.min(0.9, pubs.share * 3) : pubs.share)) {
    const count = phd ? rng.range(1, 3) : rng.chance(0.75) ? 1 : 2;
    const topics: string[] = [];
    pickDistinct(rng, pubs.topics, count, topics);
    const firstYear = Math.max(sk.careerStart - 1, REFERENCE_YEAR - 20);
    for (const topic of topics) {
      const year = String(rng.range(firstYear, REFERENCE_YEAR));
      publications.push(
        rng
          .pick(pubs.formats)
          .replace('{topic}', topic)
          .replace('{venue}', rng.pick(pubs.venues))
          .replace('{year}', year),
      );
    }
  }

  const education: Education[] = sk.education.map((e) => ({
    school: SCHOOL_NAMES[e.school]!,
    degree: degreeLabel(e.kind, country),
    field: e.field,
    graduationYear: e.year,
  }));

  return {
    firstName: name.first,
    lastName: name.last,
    email: `member${index + 1}@demo.test`,
    headline,
    summary,
    industry: INDUSTRIES[sk.industry]!,
    seniority,
    location: { city: location.city, region: location.region, country, timeZone: location.timeZone },
    positions,
    skills,
    platforms,
    education,
    projects,
    publications,
    languages: drawLanguages(rng, location, culture),
    openToWork,
    yearsOfExperience: sk.years,
  };
}

// --- connection graph -------------------------------------------------------------------------

/** Options of `generateConnections`. */
export interface ConnectionOptions {
  /** Target mean number of connections per member (default 20). */
  avgDegree?: number;
}

/**
 * How the target degree is split between kinds of tie, narrowest first. Each layer counts only the
 * pairs no narrower nested layer covers; what a layer cannot deliver (its groups are too small,
 * as in a 2,000-member network) is carried to the next one.
 */
const LAYER_SHARES = {
  office: 0.25, // same current employer in the same city
  cityIndustry: 0.2, // same city and industry
  alumni: 0.15, // worked at the same company, at any time, anywhere
  cohort: 0.07, // same school and graduation year
  industry: 0.08, // same industry, another city
  city: 0.12, // same city, another industry
  random: 0.13, // everything else: the long links that keep the graph small-world
} as const;

const COHORT_FIRST_YEAR = 1950;
const COHORT_YEARS = 80;

interface Layer {
  /** Group g's members are members[start[g] .. start[g+1]), ascending. */
  start: Int32Array;
  members: Int32Array;
  /** Members of group g already visited (so the current member sits at start[g] + cursor[g]). */
  cursor: Int32Array;
  /** Edge probability inside group g, and log(1 - p) for geometric skipping. */
  p: Float64Array;
  logQ: Float64Array;
}

interface Graph {
  n: number;
  seed: number;
  city: Uint8Array;
  industry: Uint8Array;
  office: Int32Array;
  cityIndustry: Int32Array;
  companyStart: Int32Array;
  companies: Int32Array;
  cohortStart: Int32Array;
  cohorts: Int32Array;
  layers: {
    office: Layer;
    cityIndustry: Layer;
    alumni: Layer;
    cohort: Layer;
    industry: Layer;
    city: Layer;
  };
  randomP: number;
}

/** Groups members by key: keys of member i are keys[keyStart[i] .. keyStart[i+1]). */
function groupBy(nKeys: number, n: number, keyStart: Int32Array, keys: Int32Array): Layer {
  const start = new Int32Array(nKeys + 1);
  for (let i = 0; i < keyStart[n]!; i++) start[keys[i]! + 1]!++;
  for (let g = 0; g < nKeys; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, nKeys);
  const members = new Int32Array(keyStart[n]!);
  for (let i = 0; i < n; i++) {
    for (let k = keyStart[i]!; k < keyStart[i + 1]!; k++) members[fill[keys[k]!]!++] = i;
  }
  return {
    start,
    members,
    cursor: new Int32Array(nKeys),
    p: new Float64Array(nKeys),
    logQ: new Float64Array(nKeys),
  };
}

function identityStart(n: number): Int32Array {
  const a = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) a[i] = i;
  return a;
}

/** Ordered pairs of group g not shared with a narrower layer: n_g² minus Σ over subgroups m². */
function eligiblePairs(layer: Layer, subgroupOf: Int32Array, nSub: number): Float64Array {
  const nGroups = layer.cursor.length;
  const out = new Float64Array(nGroups);
  const count = new Int32Array(nSub);
  const touched: number[] = [];
  for (let g = 0; g < nGroups; g++) {
    const a = layer.start[g]!;
    const b = layer.start[g + 1]!;
    let sub = 0;
    for (let k = a; k < b; k++) {
      const s = subgroupOf[layer.members[k]!]!;
      if (count[s]! === 0) touched.push(s);
      count[s]!++;
    }
    for (const s of touched) {
      sub += count[s]! * count[s]!;
      count[s] = 0;
    }
    touched.length = 0;
    out[g] = (b - a) * (b - a) - sub;
  }
  return out;
}

/**
 * Sets each group's edge probability so that a member gains `lambda` ties on average
 * (p_g = lambda·n_g / P_g, capped at 1), choosing lambda so the layer adds `target` to the mean
 * degree. Returns what it could not deliver, for the next layer.
 */
function calibrate(layer: Layer, pairs: Float64Array, n: number, target: number): number {
  const groups = layer.cursor.length;
  const size = (g: number): number => layer.start[g + 1]! - layer.start[g]!;
  const degree = (lambda: number): number => {
    let sum = 0;
    for (let g = 0; g < groups; g++) if (pairs[g]! > 0) sum += Math.min(pairs[g]!, lambda * size(g));
    return sum / n;
  };
  // Small groups saturate first; a capped lambda keeps the big ones from absorbing the whole
  // deficit (a 15-person office should not become a clique because the others are tiny).
  const cap = 2.5 * target;
  let lambda = cap;
  const reachable = degree(cap);
  if (reachable > target) {
    let lo = 0;
    let hi = cap;
    for (let it = 0; it < 50; it++) {
      const mid = (lo + hi) / 2;
      if (degree(mid) < target) lo = mid;
      else hi = mid;
    }
    lambda = hi;
  }
  for (let g = 0; g < groups; g++) {
    const p = pairs[g]! > 0 ? Math.min(1, (lambda * size(g)) / pairs[g]!) : 0;
    layer.p[g] = p;
    layer.logQ[g] = p < 1 ? Math.log(1 - p) : 0;
  }
  return Math.max(0, target - Math.min(reachable, target));
}

function prepareGraph(n: number, seed: number, avgDegree: number): Graph {
  const nCities = LOCATIONS.length;
  const nIndustries = INDUSTRIES.length;
  const nCompanies = COMPANY_NAMES.length;
  const city = new Uint8Array(n);
  const industry = new Uint8Array(n);
  const office = new Int32Array(n);
  const cityIndustry = new Int32Array(n);
  const companyStart = new Int32Array(n + 1);
  const companiesBuf = new Int32Array(n * 5);
  const cohortStart = new Int32Array(n + 1);
  const cohortsBuf = new Int32Array(n * 3);
  let nc = 0;
  let nh = 0;
  for (let i = 0; i < n; i++) {
    const sk = drawSkeleton(new Rng(i, seed, MEMBER_SALT));
    city[i] = sk.location;
    industry[i] = sk.industry;
    office[i] = sk.positions[0]!.company * nCities + sk.location;
    cityIndustry[i] = sk.location * nIndustries + sk.industry;
    for (const p of sk.positions) companiesBuf[nc++] = p.company; // distinct by construction
    companyStart[i + 1] = nc;
    const first = nh;
    for (const e of sk.education) {
      const key =
        e.school * COHORT_YEARS + Math.min(COHORT_YEARS - 1, Math.max(0, e.year - COHORT_FIRST_YEAR));
      let seen = false;
      for (let k = first; k < nh; k++) if (cohortsBuf[k] === key) seen = true;
      if (!seen) cohortsBuf[nh++] = key;
    }
    cohortStart[i + 1] = nh;
  }
  const companies = companiesBuf.slice(0, nc);
  const cohorts = cohortsBuf.slice(0, nh);
  const one = identityStart(n);

  const layers = {
    office: groupBy(nCompanies * nCities, n, one, office),
    cityIndustry: groupBy(nCities * nIndustries, n, one, cityIndustry),
    alumni: groupBy(nCompanies, n, companyStart, companies),
    cohort: groupBy(SCHOOL_NAMES.length * COHORT_YEARS, n, cohortStart, cohorts),
    industry: groupBy(nIndustries, n, one, Int32Array.from(industry)),
    city: groupBy(nCities, n, one, Int32Array.from(city)),
  };

  const sizeOf = (l: Layer, g: number): number => l.start[g + 1]! - l.start[g]!;
  const sq = (x: number): number => x * x;
  const officePairs = new Float64Array(nCompanies * nCities);
  for (let g = 0; g < officePairs.length; g++) {
    const s = sizeOf(layers.office, g);
    officePairs[g] = s * (s - 1);
  }
  const cityIndustryPairs = eligiblePairs(layers.cityIndustry, office, nCompanies * nCities);
  const alumniPairs = eligiblePairs(layers.alumni, cityIndustry, nCities * nIndustries);
  const cohortPairs = eligiblePairs(layers.cohort, cityIndustry, nCities * nIndustries);
  const industryPairs = eligiblePairs(layers.industry, cityIndustry, nCities * nIndustries);
  const cityPairs = eligiblePairs(layers.city, cityIndustry, nCities * nIndustries);
  let randomPairs = n * n;
  for (let g = 0; g < nCities; g++) randomPairs -= sq(sizeOf(layers.city, g));
  for (let g = 0; g < nIndustries; g++) randomPairs -= sq(sizeOf(layers.industry, g));
  for (let g = 0; g < nCities * nIndustries; g++) randomPairs += sq(sizeOf(layers.cityIndustry, g));

  let carry = 0;
  carry = calibrate(layers.office, officePairs, n, LAYER_SHARES.office * avgDegree + carry);
  carry = calibrate(layers.cityIndustry, cityIndustryPairs, n, LAYER_SHARES.cityIndustry * avgDegree + carry);
  carry = calibrate(layers.alumni, alumniPairs, n, LAYER_SHARES.alumni * avgDegree + carry);
  carry = calibrate(layers.cohort, cohortPairs, n, LAYER_SHARES.cohort * avgDegree + carry);
  carry = calibrate(layers.industry, industryPairs, n, LAYER_SHARES.industry * avgDegree + carry);
  carry = calibrate(layers.city, cityPairs, n, LAYER_SHARES.city * avgDegree + carry);
  const randomTarget = LAYER_SHARES.random * avgDegree + carry;
  const randomP = randomPairs > 0 ? Math.min(1, (randomTarget * n) / randomPairs) : 0;

  return {
    n,
    seed,
    city,
    industry,
    office,
    cityIndustry,
    companyStart,
    companies,
    cohortStart,
    cohorts,
    layers,
    randomP,
  };
}

/**
 * Samples the members after i in group g: each is tested independently with probability p_g, by
 * jumping geometric gaps so the cost is the number of ties, not the size of the group.
 */
function sampleGroup(layer: Layer, g: number, rng: Rng, out: number[], accept: (j: number) => boolean): void {
  const a = layer.start[g]! + layer.cursor[g]! + 1;
  const b = layer.start[g + 1]!;
  const p = layer.p[g]!;
  if (p <= 0 || a >= b) return;
  const members = layer.members;
  if (p >= 1) {
    for (let k = a; k < b; k++) if (accept(members[k]!)) out.push(members[k]!);
    return;
  }
  const logQ = layer.logQ[g]!;
  for (let k = a - 1; ;) {
    k += 1 + Math.floor(Math.log(1 - rng.float()) / logQ);
    if (k >= b) return;
    if (accept(members[k]!)) out.push(members[k]!);
  }
}

function* connectionPairs(graph: Graph): Generator<[number, number], void, undefined> {
  const {
    n,
    seed,
    city,
    industry,
    office,
    cityIndustry,
    companyStart,
    companies,
    cohortStart,
    cohorts,
    layers,
  } = graph;
  const out: number[] = [];
  let i = 0;
  // The nested layers (office ⊂ city+industry, then industry-only, city-only, the rest) exclude
  // each other exactly, so they never propose the same pair. Former colleagues and classmates cut
  // across them; their picks can repeat a pair, which the `includes` check drops (out is short).
  const always = (): boolean => true;
  const notSameOffice = (j: number): boolean => office[j] !== office[i];
  const crossCutOk = (j: number): boolean => cityIndustry[j] !== cityIndustry[i] && !out.includes(j);
  const industryOk = (j: number): boolean => city[j] !== city[i] && !out.includes(j);
  const cityOk = (j: number): boolean => industry[j] !== industry[i] && !out.includes(j);
  const randomOk = (j: number): boolean =>
    city[j] !== city[i] && industry[j] !== industry[i] && !out.includes(j);
  const randomLogQ = graph.randomP < 1 ? Math.log(1 - graph.randomP) : 0;

  for (i = 0; i < n; i++) {
    const rng = new Rng(i, seed, GRAPH_SALT);
    out.length = 0;
    sampleGroup(layers.office, office[i]!, rng, out, always);
    sampleGroup(layers.cityIndustry, cityIndustry[i]!, rng, out, notSameOffice);
    for (let k = companyStart[i]!; k < companyStart[i + 1]!; k++) {
      sampleGroup(layers.alumni, companies[k]!, rng, out, crossCutOk);
    }
    for (let k = cohortStart[i]!; k < cohortStart[i + 1]!; k++) {
      sampleGroup(layers.cohort, cohorts[k]!, rng, out, crossCutOk);
    }
    sampleGroup(layers.industry, industry[i]!, rng, out, industryOk);
    sampleGroup(layers.city, city[i]!, rng, out, cityOk);
    if (graph.randomP > 0) {
      for (let j = i; ;) {
        j += graph.randomP >= 1 ? 1 : 1 + Math.floor(Math.log(1 - rng.float()) / randomLogQ);
        if (j >= n) break;
        if (randomOk(j)) out.push(j);
      }
    }
    // Every group i belongs to moves past i, so the next member of the group starts after it.
    layers.office.cursor[office[i]!]!++;
    layers.cityIndustry.cursor[cityIndustry[i]!]!++;
    layers.industry.cursor[industry[i]!]!++;
    layers.city.cursor[city[i]!]!++;
    for (let k = companyStart[i]!; k < companyStart[i + 1]!; k++) layers.alumni.cursor[companies[k]!]!++;
    for (let k = cohortStart[i]!; k < cohortStart[i + 1]!; k++) layers.cohort.cursor[cohorts[k]!]!++;

    out.sort((x, y) => x - y);
    for (const j of out) yield [i, j];
  }
}

/**
 * A plausible connection graph over members `0 .. count-1` (the same indexes as generateMember):
 * people mostly know colleagues, people in their city and industry, former colleagues and
 * classmates, plus some random long links, so 2nd-degree neighbourhoods are large and 3rd-degree
 * members exist. Yields each pair once as `[a, b]` with `a < b`, ordered by `a` then `b`.
 *
 * Streaming: it keeps a few int arrays per member (~100 bytes each: ~100 MB for a million),
 * never the edge set. Deterministic in `(count, seed, avgDegree)`; each iteration starts afresh.
 *
 * @example
 * for (const [a, b] of generateConnections(5000)) insert(memberIds[a], memberIds[b]);
 */
export function generateConnections(
  count: number,
  seed = 42,
  opts: ConnectionOptions = {},
): Iterable<[number, number]> {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const avgDegree = opts.avgDegree ?? 20;
  if (!Number.isFinite(avgDegree) || avgDegree < 0)
    throw new RangeError(`avgDegree must be >= 0, got ${avgDegree}`);
  return {
    *[Symbol.iterator]() {
      if (count < 2 || avgDegree === 0) return;
      yield* connectionPairs(prepareGraph(count, seed, avgDegree));
    },
  };
}
