import { describe, expect, it } from "vitest";
import { clientComponents, clientGraph, valueImports } from "@/lib/client-graph";

describe("what client components bring to the browser", () => {
  const components = clientComponents();

  it("finds the client components", () => {
    expect(components).toContain("lib/ui/workout-steps-editor.tsx");
    expect(components.length).toBeGreaterThan(20);
  });

  it("reads value imports and leaves type-only ones out", () => {
    const imports = valueImports("lib/ui/workout-steps-editor.tsx");
    expect(imports).toContain("@/lib/plans/workout-steps");
    expect(imports).not.toContain("@/lib/forms");
  });

  // The lint rule stops a client component importing zod or a schema module by name; this follows
  // every module it imports, so a plain module that imports zod is caught too.
  it("never reaches zod, directly or through a module they import", () => {
    const reached: string[] = [];
    for (const component of components) {
      const { packages } = clientGraph(component);
      for (const [pkg, by] of packages) if (pkg === "zod" || pkg.startsWith("zod/")) reached.push(`${component} via ${by}`);
    }
    expect(reached).toEqual([]);
  });
});
