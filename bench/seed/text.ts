import { rng } from "./generate";

// Plausible words for synthetic titles, abstracts, authors and comments: enough variety that
// full-text search has common and rare terms to find, with no claim to meaning.

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
const capital = (word: string) => word[0].toUpperCase() + word.slice(1);

export function paperText(seed: number): { title: string; abstract: string; authors: string[] } {
  const random = rng(seed);
  const topic = pick(random, TOPICS);
  const title = `${capital(pick(random, TOPICS))} ${pick(random, NOUNS)} ${pick(random, VERBS)} ${topic} ${pick(random, NOUNS)}`;
  const sentences = 3 + Math.floor(random() * 4);
  const abstract = Array.from({ length: sentences }, () => {
    const words = Array.from({ length: 10 + Math.floor(random() * 12) }, () => (random() < 0.25 ? pick(random, TOPICS) : pick(random, FILLER)));
    return `${capital(words.join(" "))}.`;
  }).join(" ");
  const authors = Array.from({ length: 1 + Math.floor(random() * 8) }, () => `${pick(random, GIVEN)} ${pick(random, FAMILY)}`);
  return { title, abstract, authors };
}

export function commentText(seed: number): string {
  const random = rng(seed);
  const words = Array.from({ length: 8 + Math.floor(random() * 40) }, () => (random() < 0.2 ? pick(random, TOPICS) : pick(random, FILLER)));
  return `${capital(words.join(" "))}.`;
}

export function personName(index: number): string {
  const random = rng(index * 7919 + 13);
  return `${pick(random, GIVEN)} ${pick(random, FAMILY)}`;
}
