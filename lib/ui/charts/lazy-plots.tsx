"use client";

import dynamic from "next/dynamic";

// The chart library is the heaviest script of the app. Loaded after the page has shown (and never on
// the server, where a plot has no width to draw at), it stays out of the page's first-load JavaScript;
// every plot comes from the one module, so the library arrives once. Until then the server-drawn box
// keeps the plot's place, and the tables already hold the numbers.
const plots = () => import("./training-charts");

export const LoadPlot = dynamic(() => plots().then((m) => m.LoadPlot), { ssr: false });
export const AcwrPlot = dynamic(() => plots().then((m) => m.AcwrPlot), { ssr: false });
export const FitnessPlot = dynamic(() => plots().then((m) => m.FitnessPlot), { ssr: false });
export const WeeklySurfacePlot = dynamic(() => plots().then((m) => m.WeeklySurfacePlot), { ssr: false });
export const MonotonyPlot = dynamic(() => plots().then((m) => m.MonotonyPlot), { ssr: false });
export const PainPlot = dynamic(() => plots().then((m) => m.PainPlot), { ssr: false });
export const SessionTypePlot = dynamic(() => plots().then((m) => m.SessionTypePlot), { ssr: false });
export const WellnessPlot = dynamic(() => plots().then((m) => m.WellnessPlot), { ssr: false });
export const ShoePlot = dynamic(() => plots().then((m) => m.ShoePlot), { ssr: false });
export const ProjectionPlot = dynamic(() => import("./projection-plot").then((m) => m.ProjectionPlot), { ssr: false });
