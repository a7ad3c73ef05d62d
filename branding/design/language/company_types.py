"""What each company type means in copy: its word, the pains it promises away, its usual action, topic and audience."""

from __future__ import annotations

from branding.models import CompanyType

COMPANY_TYPE_WORDS: dict[CompanyType, str] = {
    CompanyType.SAAS: 'SaaS',
    CompanyType.FINTECH: 'fintech',
    CompanyType.HEALTHTECH: 'healthtech',
    CompanyType.ECOMMERCE: 'e-commerce',
    CompanyType.AI_ML: 'AI',
    CompanyType.BLOCKCHAIN: 'blockchain',
    CompanyType.CYBERSECURITY: 'cybersecurity',
    CompanyType.DEVTOOLS: 'developer tools',
    CompanyType.OTHER: '',
}

# Things a company of each type promises away; mass nouns so both 'without the X' and 'Less X.' read well.
COMPANY_TYPE_PAINS: dict[CompanyType, tuple[str, ...]] = {
    CompanyType.SAAS: ('busywork', 'setup', 'context switching'),
    CompanyType.FINTECH: ('paperwork', 'guesswork', 'fine print'),
    CompanyType.HEALTHTECH: ('waiting', 'paperwork', 'jargon'),
    CompanyType.ECOMMERCE: ('hassle', 'waiting', 'markup'),
    CompanyType.AI_ML: ('hype', 'guesswork', 'busywork'),
    CompanyType.BLOCKCHAIN: ('jargon', 'hype', 'gatekeeping'),
    CompanyType.CYBERSECURITY: ('alert fatigue', 'guesswork', 'panic'),
    CompanyType.DEVTOOLS: ('boilerplate', 'yak shaving', 'context switching'),
    CompanyType.OTHER: ('hassle', 'guesswork', 'fuss'),
}

# What a company of each type helps with, when the description does not say in a way we can read.
COMPANY_TYPE_ACTIONS: dict[CompanyType, str] = {
    CompanyType.SAAS: 'get more done',
    CompanyType.FINTECH: 'manage money with confidence',
    CompanyType.HEALTHTECH: 'look after their health',
    CompanyType.ECOMMERCE: 'find what they love',
    CompanyType.AI_ML: 'put AI to work',
    CompanyType.BLOCKCHAIN: 'build on open networks',
    CompanyType.CYBERSECURITY: 'stay secure',
    CompanyType.DEVTOOLS: 'ship better software',
    CompanyType.OTHER: 'get things done',
}

COMPANY_TYPE_TOPICS: dict[CompanyType, str] = {
    CompanyType.SAAS: 'your workspace',
    CompanyType.FINTECH: 'payments',
    CompanyType.HEALTHTECH: 'appointments',
    CompanyType.ECOMMERCE: 'orders',
    CompanyType.AI_ML: 'your models',
    CompanyType.BLOCKCHAIN: 'transactions',
    CompanyType.CYBERSECURITY: 'alerts',
    CompanyType.DEVTOOLS: 'builds',
    CompanyType.OTHER: 'your account',
}

COMPANY_TYPE_AUDIENCES: dict[CompanyType, str] = {
    CompanyType.SAAS: 'teams',
    CompanyType.FINTECH: 'customers',
    CompanyType.HEALTHTECH: 'patients',
    CompanyType.ECOMMERCE: 'shoppers',
    CompanyType.AI_ML: 'teams',
    CompanyType.BLOCKCHAIN: 'builders',
    CompanyType.CYBERSECURITY: 'security teams',
    CompanyType.DEVTOOLS: 'developers',
    CompanyType.OTHER: 'customers',
}
