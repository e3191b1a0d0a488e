import { rng } from "./generate";

// Plausible words for synthetic titles, abstracts, authors and comments, with no claim to meaning.
// Search cost depends on how many papers a term matches, so terms follow a Zipf law over a
// vocabulary of a few thousand made-up words, and each well-known topic word ("transformer") is
// in about 5% of papers: common, as in real listings, but not in every abstract.

const TOPICS = [
  "transformer", "diffusion", "graph", "reinforcement", "contrastive", "retrieval", "quantization", "distillation",
  "attention", "protein", "vision", "language", "speech", "robotics", "causal", "bayesian", "sparse", "federated",
  "multimodal", "benchmark", "alignment", "reasoning", "tokenizer", "optimizer", "kernel", "manifold", "equivariant",
  "generative", "adversarial", "curriculum", "memory", "planning", "segmentation", "detection", "tracking", "molecule",
];
const NOUNS = [
  "models", "networks", "representations", "policies", "agents", "embeddings", "datasets", "objectives", "priors",
  "estimators", "architectures", "features", "gradients", "layers", "heads", "experts", "samplers", "encoders",
];
const VERBS = ["improves", "scales", "explains", "stabilises", "accelerates", "compresses", "generalises", "unifies", "revisits"];
const FILLER = [
  "we", "propose", "a", "simple", "method", "that", "on", "across", "tasks", "with", "without", "fewer", "parameters",
  "show", "results", "state-of-the-art", "the", "of", "for", "and", "in", "large", "small", "efficient", "robust",
  "training", "inference", "data", "evaluation", "experiments", "our", "approach", "outperforms", "baselines",
];
const GIVEN = ["Ada", "Alan", "Grace", "Yann", "Fei", "Geoffrey", "Daphne", "Andrew", "Emmy", "Sofia", "Ravi", "Mei", "Kwame", "Ingrid", "Tomás", "Aiko"];
const FAMILY = ["Lovelace", "Turing", "Hopper", "Chen", "Okafor", "Nakamura", "Müller", "García", "Ivanova", "Singh", "Kowalski", "Haddad", "Silva", "Berg"];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const PARTS = [
  ["neo", "proto", "hyper", "meta", "poly", "iso", "para", "quasi", "tri", "omni", "micro", "macro", "semi", "auto", "inter", "trans", "multi", "ortho", "pseudo", "ultra"],
  ["lex", "morph", "graph", "spectr", "vect", "tens", "kern", "flux", "cort", "phon", "lumin", "gyr", "crypt", "plex", "chrom", "dyn", "stat", "therm", "vol", "fract"],
  ["al", "ic", "ine", "ode", "oid", "on", "ics", "ator", "ance", "ium"],
];
/** 4,000 made-up technical terms, most frequent first. */
const TERMS = PARTS[0].flatMap((a) => PARTS[1].flatMap((b) => PARTS[2].map((c) => `${a}${b}${c}`)));
const ZIPF = (() => {
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= TERMS.length; rank++) cumulative.push((sum += 1 / Math.pow(rank, 1.05)));
  return cumulative.map((c) => c / sum);
})();

/** A term by its Zipf frequency: the first few are common, most are rare. */
export function zipfTerm(random: () => number): string {
  const u = random();
  let lo = 0;
  let hi = ZIPF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return TERMS[lo];
}

const word = (random: () => number, topicShare: number) => {
  const u = random();
  return u < topicShare ? pick(random, TOPICS) : u < 0.45 ? zipfTerm(random) : pick(random, FILLER);
};
const capital = (word: string) => word[0].toUpperCase() + word.slice(1);

export function paperText(seed: number): { title: string; abstract: string; authors: string[] } {
  const random = rng(seed);
  const title = `${capital(zipfTerm(random))} ${pick(random, NOUNS)} ${pick(random, VERBS)} ${random() < 0.5 ? pick(random, TOPICS) : zipfTerm(random)} ${pick(random, NOUNS)}`;
  const sentences = 3 + Math.floor(random() * 4);
  const abstract = Array.from({ length: sentences }, () => {
    const words = Array.from({ length: 10 + Math.floor(random() * 12) }, () => word(random, 0.0025));
    return `${capital(words.join(" "))}.`;
  }).join(" ");
  const authors = Array.from({ length: 1 + Math.floor(random() * 8) }, () => `${pick(random, GIVEN)} ${pick(random, FAMILY)}`);
  return { title, abstract, authors };
}

export function commentText(seed: number): string {
  const random = rng(seed);
  const words = Array.from({ length: 8 + Math.floor(random() * 40) }, () => word(random, 0.02));
  return `${capital(words.join(" "))}.`;
}

export function personName(index: number): string {
  const random = rng(index * 7919 + 13);
  return `${pick(random, GIVEN)} ${pick(random, FAMILY)}`;
}
