/**
 * The sources behind every metric and flag, with the strength of the evidence as the product states it.
 * The UI lists them; each flag names the ones it rests on.
 */
import type { EvidenceStrength, FlagId } from "./types";

export interface Citation {
  id: string;
  /** Short form shown next to a number, e.g. "Foster 2001". */
  short: string;
  /** Full reference. */
  text: string;
  strength: EvidenceStrength;
  /** What the product takes from it. */
  note: string;
}

const list: Citation[] = [
  {
    id: "foster-1998",
    short: "Foster 1998",
    text: "Foster C. Monitoring training in athletes with reference to overtraining syndrome. Med Sci Sports Exerc. 1998;30(7):1164-1168.",
    strength: "moderate",
    note: "Training monotony (weekly mean / SD of daily load) and strain; monotony above 2 went with illness and poor performance.",
  },
  {
    id: "foster-2001",
    short: "Foster 2001",
    text: "Foster C, Florhaug JA, Franklin J, et al. A new approach to monitoring exercise training. J Strength Cond Res. 2001;15(1):109-115.",
    strength: "strong",
    note: "Session RPE (CR-10) x duration as the session load in arbitrary units.",
  },
  {
    id: "gabbett-2016",
    short: "Gabbett 2016",
    text: "Gabbett TJ. The training-injury prevention paradox: should athletes be training smarter and harder? Br J Sports Med. 2016;50(5):273-280.",
    strength: "weak",
    note: "Acute:chronic workload ratio; ratios around 1.5 and above were linked with more injuries in team sports.",
  },
  {
    id: "williams-2017",
    short: "Williams 2017",
    text: "Williams S, West S, Cross MJ, Stokes KA. Better way to determine the acute:chronic workload ratio? Br J Sports Med. 2017;51(3):209-210.",
    strength: "weak",
    note: "Exponentially weighted acute and chronic loads (lambda = 2 / (N + 1)), which weigh recent days more than older ones.",
  },
  {
    id: "windt-gabbett-2019",
    short: "Windt & Gabbett 2019",
    text: "Windt J, Gabbett TJ. Is it all for naught? What does mathematical coupling mean for acute:chronic workload ratios? Br J Sports Med. 2019;53(16):988-990.",
    strength: "weak",
    note: "Coupled vs uncoupled chronic windows.",
  },
  {
    id: "lolli-2019",
    short: "Lolli 2019",
    text: "Lolli L, Batterham AM, Hawkins R, et al. Mathematical coupling causes spurious correlation within the conventional acute-to-chronic workload ratio calculations. Br J Sports Med. 2019;53(15):921-922.",
    strength: "weak",
    note: "The coupled ratio shares the acute week with its denominator, which inflates correlations.",
  },
  {
    id: "impellizzeri-2020",
    short: "Impellizzeri 2020",
    text: "Impellizzeri FM, Tenan MS, Kempton T, Novak A, Coutts AJ. Acute:chronic workload ratio: conceptual issues and fundamental pitfalls. Int J Sports Physiol Perform. 2020;15(6):907-913.",
    strength: "weak",
    note: "Critique: the ratio has conceptual and statistical problems and should not drive decisions on its own; it falls during rest and jumps when normal training resumes.",
  },
  {
    id: "impellizzeri-2021",
    short: "Impellizzeri 2021",
    text: "Impellizzeri FM, Woodcock S, Coutts AJ, Fanchini M, McCall A, Vigotsky AD. What role do chronic workloads play in the acute to chronic workload ratio? Time to dismiss ACWR and its underlying theory. Sports Med. 2021;51(3):581-592.",
    strength: "weak",
    note: "Critique: a ratio to a random chronic load predicted injury as well, questioning the theory.",
  },
  {
    id: "frandsen-2025",
    short: "Frandsen 2025",
    text: "Frandsen JSB, et al. How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study. Br J Sports Med. 2025;59(17):1203-1210. doi:10.1136/bjsports-2024-109380.",
    strength: "moderate",
    note: "In 5,205 runners, a run longer than the longest of the previous 30 days raised the injury hazard: HR 1.64 for 10-30% longer, 1.52 for 30-100%, 2.28 above 100%; changes in weekly distance and the acute:chronic ratio did not predict injury.",
  },
  {
    id: "nielsen-2014",
    short: "Nielsen 2014",
    text: "Nielsen RO, Parner ET, Nohr EA, Sorensen H, Lind M, Rasmussen S. Excessive progression in weekly running distance and risk of running-related injuries: an association which varies according to type of injury. J Orthop Sports Phys Ther. 2014;44(10):739-747.",
    strength: "weak",
    note: "Novice runners who increased weekly distance by more than 30% had more injuries of some types.",
  },
  {
    id: "buist-2008",
    short: "Buist 2008",
    text: "Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL. No effect of a graded training program on the number of running-related injuries in novice runners: a randomized controlled trial. Am J Sports Med. 2008;36(1):33-39.",
    strength: "moderate",
    note: "A 10%-per-week graded programme did not reduce injuries compared with a standard one: the 10% rule is not a law.",
  },
  {
    id: "clarsen-2013",
    short: "Clarsen 2013",
    text: "Clarsen B, Myklebust G, Bahr R. Development and validation of a new method for the registration of overuse injuries in sports injury epidemiology: the Oslo Sports Trauma Research Centre (OSTRC) overuse injury questionnaire. Br J Sports Med. 2013;47(8):495-502. Updated in Clarsen B, et al. Br J Sports Med. 2020;54(7):390-396.",
    strength: "moderate",
    note: "OSTRC-O2 weekly questionnaire: severity score 0-100 and 'substantial problem' definition.",
  },
  {
    id: "farrar-2001",
    short: "Farrar 2001",
    text: "Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain. 2001;94(2):149-158.",
    strength: "moderate",
    note: "A change of about 2 points (or 30%) on the 0-10 pain scale is clinically important.",
  },
  {
    id: "lauersen-2014",
    short: "Lauersen 2014",
    text: "Lauersen JB, Bertelsen DM, Andersen LB. The effectiveness of exercise interventions to prevent sports injuries: a systematic review and meta-analysis of randomised controlled trials. Br J Sports Med. 2014;48(11):871-877.",
    strength: "moderate",
    note: "Strength training reduced sports injuries in general (RR 0.32); stretching alone did not. Not specific to back pain.",
  },
  {
    id: "steffens-2016",
    short: "Steffens 2016",
    text: "Steffens D, Maher CG, Pereira LSM, et al. Prevention of low back pain: a systematic review and meta-analysis. JAMA Intern Med. 2016;176(2):199-208.",
    strength: "moderate",
    note: "Exercise combined with education reduced the risk of a low-back-pain episode (RR 0.55).",
  },
  {
    id: "owen-2020",
    short: "Owen 2020",
    text: "Owen PJ, Miller CT, Mundell NL, et al. Which specific modes of exercise training are most effective for treating low back pain? Network meta-analysis. Br J Sports Med. 2020;54(21):1279-1287.",
    strength: "moderate",
    note: "Pilates, stabilisation/motor control, resistance and aerobic exercise helped chronic low back pain.",
  },
  {
    id: "knutson-2005",
    short: "Knutson 2005",
    text: "Knutson GA. Anatomic and functional leg-length inequality: a review and recommendation for clinical decision-making. Part I, anatomic leg-length inequality: prevalence, magnitude, effects and clinical significance. Chiropr Osteopat. 2005;13:11.",
    strength: "weak",
    note: "Small leg-length differences are common; around 20 mm the difference becomes clinically relevant.",
  },
  {
    id: "finucane-2020",
    short: "Finucane 2020",
    text: "Finucane LM, Downie A, Mercer C, et al. International framework for red flags for potential serious spinal pathologies. J Orthop Sports Phys Ther. 2020;50(7):350-372.",
    strength: "consensus",
    note: "Red flags for serious spinal pathology (cauda equina syndrome, cancer, infection, fracture) and when to refer.",
  },
  {
    id: "nice-ng59",
    short: "NICE NG59",
    text: "National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management. NICE guideline NG59. 2016, updated 2020.",
    strength: "consensus",
    note: "Exclude specific causes (red flags) before managing back pain as non-specific; exercise is first-line.",
  },
  {
    id: "silbernagel-2007",
    short: "Silbernagel 2007",
    text: "Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a randomized controlled study. Am J Sports Med. 2007;35(6):897-906.",
    strength: "moderate",
    note: "Activity may continue while pain stays at or below 5/10 and settles by the next morning; the product uses a stricter 3/10.",
  },
  {
    id: "saw-2016",
    short: "Saw 2016",
    text: "Saw AE, Main LC, Gastin PB. Monitoring the athlete training response: subjective self-reported measures trump commonly used objective measures: a systematic review. Br J Sports Med. 2016;50(5):281-291.",
    strength: "moderate",
    note: "In the studies reviewed, self-reported wellness (mood, stress, fatigue, soreness, sleep) responded to training load more consistently than objective markers: worse scores went with heavier loads, better ones with recovery.",
  },
  {
    id: "source-article",
    short: "Back pain in runners (source article)",
    text: "Why does my upper back hurt after running? Causes, treatments and preventions. Coaching article on upper and lower back pain in runners (Backbone source document).",
    strength: "expert-opinion",
    note: "Back zones, causes (posture, age, overload, imbalance, footprint, leg-length difference, surface), core work, cross-training, visceral referred pain.",
  },
  {
    id: "expert-opinion",
    short: "Expert opinion",
    text: "Expert opinion and common coaching practice; no controlled study supports a precise cut-off.",
    strength: "expert-opinion",
    note: "Used where the product needs a rule but research gives no threshold.",
  },
];

/** All citations by id, for the UI's source list. */
export const CITATIONS: Readonly<Record<string, Citation>> = Object.freeze(
  Object.fromEntries(list.map((c) => [c.id, Object.freeze(c)])),
);

/** Citations in display order. */
export const CITATION_LIST: readonly Citation[] = Object.freeze(list.map((c) => CITATIONS[c.id]));

/** Evidence behind each flag: its strength as stated in the domain reference and the citations. */
export const FLAG_EVIDENCE: Readonly<Record<FlagId, { strength: EvidenceStrength; citationIds: string[] }>> =
  Object.freeze({
    "red-flag": { strength: "consensus", citationIds: ["nice-ng59", "finucane-2020"] },
    "session-spike": { strength: "moderate", citationIds: ["frandsen-2025"] },
    "weekly-distance-increase": { strength: "weak", citationIds: ["nielsen-2014", "buist-2008", "frandsen-2025"] },
    "acwr-high": {
      strength: "weak",
      citationIds: ["gabbett-2016", "williams-2017", "impellizzeri-2020", "impellizzeri-2021", "lolli-2019"],
    },
    "monotony-high": { strength: "moderate", citationIds: ["foster-1998"] },
    "back-pain-rising": { strength: "moderate", citationIds: ["farrar-2001", "clarsen-2013"] },
    "severe-back-pain": { strength: "consensus", citationIds: ["nice-ng59"] },
    "return-to-run": { strength: "expert-opinion", citationIds: ["expert-opinion", "silbernagel-2007"] },
    "pain-after-overload": { strength: "expert-opinion", citationIds: ["source-article", "expert-opinion"] },
    "compensatory-deficit": { strength: "moderate", citationIds: ["lauersen-2014", "steffens-2016"] },
    "shoe-mileage": { strength: "expert-opinion", citationIds: ["expert-opinion"] },
    "surface-change": { strength: "weak", citationIds: ["source-article"] },
    "leg-length-discrepancy": { strength: "weak", citationIds: ["source-article", "knutson-2005"] },
    "footprint-unassessed": { strength: "expert-opinion", citationIds: ["source-article"] },
    "posture-load": { strength: "expert-opinion", citationIds: ["source-article"] },
    "masters-athlete": { strength: "expert-opinion", citationIds: ["source-article"] },
    "wellness-drop": { strength: "moderate", citationIds: ["saw-2016"] },
  });

/** Citation text of a flag: the full references joined. */
export function citationText(ids: readonly string[]): string {
  return ids.map((id) => CITATIONS[id]?.text ?? id).join(" ");
}

/** Evidence object carried by a flag. */
export function evidenceFor(id: FlagId): { strength: EvidenceStrength; citation: string; citationIds: string[] } {
  const e = FLAG_EVIDENCE[id];
  return { strength: e.strength, citation: citationText(e.citationIds), citationIds: [...e.citationIds] };
}
