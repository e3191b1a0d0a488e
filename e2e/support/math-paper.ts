/** A paper whose abstract has TeX math, so browser tests can see KaTeX output. */
export const MATH_PAPER = {
  id: "2411.00042",
  title: "Bounds on $\\mathcal{O}(n \\log n)$ sorting networks",
  abstract: "We prove that $$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$ and that inline $e^{i\\pi} + 1 = 0$ survives rendering.",
};
