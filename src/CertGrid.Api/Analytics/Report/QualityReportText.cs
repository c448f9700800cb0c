using System.Collections.Frozen;
using System.Globalization;

namespace CertGrid.Api.Analytics.Report;

/// <summary>The quality report's words in each language the app speaks (English and French, as the credential page).</summary>
public sealed class QualityReportText
{
    public const string DefaultLanguage = "en";

    private static readonly FrozenDictionary<string, QualityReportText> Languages = new Dictionary<string, QualityReportText>
    {
        ["en"] = new()
        {
            Title = "Program quality report", Period = "Period {0} to {1}", Generated = "Generated {0} UTC from the program's analytics; groups smaller than {1} are suppressed.",
            Volume = "Volume and outcomes", Figure = "Figure", Value = "Value", Applications = "Applications", Attempts = "Attempts submitted",
            FirstPass = "Pass rate at the first attempt", LaterPass = "Pass rate at later attempts", MedianDays = "Median days to certification",
            Appeals = "Appeals filed / overturned / upheld", Renewals = "Renewals", CeCredits = "Continuing-education credits",
            Distribution = "Distribution of decided scores", DistributionAlt = "Bar chart: decided attempts by score band, {0} in all.",
            Trend = "Pass rate by month", TrendAlt = "Line chart: share of decided attempts that passed, per month.",
            Reliability = "Reliability per criterion", ReliabilityAlt = "Krippendorff's alpha per criterion with its 95% bootstrap interval; reference lines at 0.667 and 0.800.",
            Pairs = "Agreement between evaluator pairs", PairsNote = "The {0} pairs with the lowest quadratic weighted kappa, among pairs who reviewed at least 10 of the same attempts.",
            Pair = "Evaluators", Kappa = "Cohen's kappa", QuadraticKappa = "Quadratic weighted kappa", Shared = "Shared attempts",
            Criterion = "Criterion", Alpha = "Alpha", Interval = "95% interval", Exact = "Exact agreement", Adjacent = "Within one level",
            Fairness = "Fairness", Dimension = "Breakdown", Group = "Group", PassRate = "Pass rate", Ratio = "Impact ratio", PValue = "Adjusted P",
            Suppressed = "suppressed (fewer than {0})", Evaluators = "Evaluators", Evaluator = "Evaluator", Reviews = "Reviews", Overdue = "Overdue",
            Severity = "Severity", Calibration = "Calibration", Standing = "Standing", RecentAgreement = "Agreement with decisions since calibrating",
            Discussions = "Consensus discussions", Disagreed = "Disagreed with the decision", Gaps = "Training gaps", Cohort = "Cohort", BelowPassing = "Below passing",
            Flags = "Flags and their resolution", Finding = "Finding", SuggestedAction = "Suggested action", BoardResolution = "The board's resolution",
            Unresolved = "Open: the board has not recorded a resolution.", ResolutionLine = "{0} on {1} by {2} (reviewing {3} to {4}): {5}", NoFlags = "Nothing was flagged in this period.",
            NoData = "No data in this period.", Interpretation = "What this means",
            AlphaUnreliable = "Alpha {1:0.000} is below 0.667: the levels of criterion {0} are not applied consistently; do not rely on them.",
            AlphaTentative = "Alpha {1:0.000} for criterion {0} supports only tentative conclusions (0.667 to 0.800).",
            AlphaReliable = "Alpha {1:0.000}: evaluators apply the levels of criterion {0} consistently.",
            AlphaResolution = "Review the criterion's level descriptors with the evaluators and publish a calibration exercise on it.",
            FairnessFlag = "{0} '{1}': pass rate {2:0%}, {3:0.00} of the highest group, adjusted P = {4:0.000} (below the four-fifths rule and significant).",
            FairnessResolution = "Review the group's decisions and rubric wording for bias before the next period; report the review to the board.",
            NoAdverseImpact = "No group in any breakdown is both below four-fifths of the highest pass rate and significantly different.",
            SeverityFlag = "Evaluator {0} scores {1} than their panels by {2:+0.0;-0.0} points on average over {3} reviews.",
            SeverityResolution = "Discuss the gap with the evaluator; a calibration exercise shows whether it persists.",
            CalibrationFlag = "Evaluator {0}: {1}.", CalibrationExcluded = "Excluded from panel selection until they pass a new calibration exercise (community policy).",
            CalibrationAdvised = "A new calibration exercise is advised (the community does not require calibration for panels).",
            Harsher = "lower", MoreLenient = "higher",
            Statuses = new Dictionary<string, string> { ["NotCalibrated"] = "not calibrated", ["Calibrated"] = "calibrated", ["Failed"] = "failed", ["Drifted"] = "drifted" },
            Verdicts = new Dictionary<string, string> { ["TooFewReviews"] = "too few reviews", ["InLine"] = "in line", ["Harsh"] = "harsh", ["Lenient"] = "lenient" },
            Outcomes = new Dictionary<string, string> { ["Acknowledged"] = "Acknowledged", ["ActionTaken"] = "Action taken", ["NoActionNeeded"] = "No action needed" },
        },
        ["fr"] = new()
        {
            Title = "Rapport qualité du programme", Period = "Période de {0} à {1}", Generated = "Produit le {0} UTC à partir des analyses du programme ; les groupes de moins de {1} sont masqués.",
            Volume = "Volume et résultats", Figure = "Indicateur", Value = "Valeur", Applications = "Candidatures", Attempts = "Tentatives soumises",
            FirstPass = "Taux de réussite à la première tentative", LaterPass = "Taux de réussite aux tentatives suivantes", MedianDays = "Délai médian de certification (jours)",
            Appeals = "Recours déposés / infirmés / confirmés", Renewals = "Renouvellements", CeCredits = "Crédits de formation continue",
            Distribution = "Répartition des scores décidés", DistributionAlt = "Diagramme en barres : tentatives décidées par tranche de score, {0} au total.",
            Trend = "Taux de réussite par mois", TrendAlt = "Courbe : part des tentatives décidées réussies, par mois.",
            Reliability = "Fiabilité par critère", ReliabilityAlt = "Alpha de Krippendorff par critère avec son intervalle bootstrap à 95 % ; repères à 0,667 et 0,800.",
            Pairs = "Accord entre paires d'évaluateurs", PairsNote = "Les {0} paires au kappa pondéré quadratique le plus bas, parmi les paires ayant évalué au moins 10 tentatives communes.",
            Pair = "Évaluateurs", Kappa = "Kappa de Cohen", QuadraticKappa = "Kappa pondéré quadratique", Shared = "Tentatives communes",
            Criterion = "Critère", Alpha = "Alpha", Interval = "Intervalle à 95 %", Exact = "Accord exact", Adjacent = "À un niveau près",
            Fairness = "Équité", Dimension = "Ventilation", Group = "Groupe", PassRate = "Taux de réussite", Ratio = "Ratio d'impact", PValue = "P ajustée",
            Suppressed = "masqué (moins de {0})", Evaluators = "Évaluateurs", Evaluator = "Évaluateur", Reviews = "Évaluations", Overdue = "En retard",
            Severity = "Sévérité", Calibration = "Calibrage", Standing = "Statut", RecentAgreement = "Accord avec les décisions depuis le calibrage",
            Discussions = "Discussions de consensus", Disagreed = "En désaccord avec la décision", Gaps = "Lacunes de formation", Cohort = "Cohorte", BelowPassing = "Sous le niveau requis",
            Flags = "Signalements et suites données", Finding = "Constat", SuggestedAction = "Action suggérée", BoardResolution = "Décision du comité",
            Unresolved = "Ouvert : le comité n'a pas encore consigné de décision.", ResolutionLine = "{0} le {1} par {2} (examen de {3} à {4}) : {5}", NoFlags = "Rien n'a été signalé pour cette période.",
            NoData = "Aucune donnée pour cette période.", Interpretation = "Ce que cela signifie",
            AlphaUnreliable = "Alpha {1:0.000} est inférieur à 0,667 : les niveaux du critère {0} ne sont pas appliqués de façon cohérente ; ne vous y fiez pas.",
            AlphaTentative = "Alpha {1:0.000} pour le critère {0} ne permet que des conclusions provisoires (0,667 à 0,800).",
            AlphaReliable = "Alpha {1:0.000} : les évaluateurs appliquent les niveaux du critère {0} de façon cohérente.",
            AlphaResolution = "Revoir les descripteurs de niveaux du critère avec les évaluateurs et publier un exercice de calibrage sur ce critère.",
            FairnessFlag = "{0} « {1} » : taux de réussite {2:0%}, {3:0.00} du groupe le plus élevé, P ajustée = {4:0.000} (sous la règle des quatre cinquièmes et significatif).",
            FairnessResolution = "Examiner les décisions du groupe et la formulation de la grille avant la prochaine période ; rendre compte au comité.",
            NoAdverseImpact = "Aucun groupe n'est à la fois sous les quatre cinquièmes du meilleur taux de réussite et significativement différent.",
            SeverityFlag = "L'évaluateur {0} note {1} que ses panels de {2:+0.0;-0.0} points en moyenne sur {3} évaluations.",
            SeverityResolution = "Discuter de l'écart avec l'évaluateur ; un exercice de calibrage montre s'il persiste.",
            CalibrationFlag = "Évaluateur {0} : {1}.", CalibrationExcluded = "Exclu de la sélection des panels jusqu'à la réussite d'un nouvel exercice de calibrage (politique de la communauté).",
            CalibrationAdvised = "Un nouvel exercice de calibrage est conseillé (la communauté n'exige pas le calibrage pour les panels).",
            Harsher = "plus sévèrement", MoreLenient = "plus généreusement",
            Statuses = new Dictionary<string, string> { ["NotCalibrated"] = "non calibré", ["Calibrated"] = "calibré", ["Failed"] = "échec", ["Drifted"] = "dérive" },
            Verdicts = new Dictionary<string, string> { ["TooFewReviews"] = "trop peu d'évaluations", ["InLine"] = "conforme", ["Harsh"] = "sévère", ["Lenient"] = "généreux" },
            Outcomes = new Dictionary<string, string> { ["Acknowledged"] = "Pris en compte", ["ActionTaken"] = "Mesure prise", ["NoActionNeeded"] = "Aucune mesure nécessaire" },
        },
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Available => Languages.Keys;

    public static QualityReportText For(string language) => Languages.GetValueOrDefault(language) ?? Languages[DefaultLanguage];

    /// <summary>
    /// How numbers are written in a language. The server runs in globalization-invariant mode (no culture data), so the
    /// conventions are set here: French writes 0,667 and 12 % with a narrow no-break space between thousands.
    /// </summary>
    public static CultureInfo Culture(string language)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        if (string.Equals(language, "fr", StringComparison.OrdinalIgnoreCase))
        {
            culture.NumberFormat.NumberDecimalSeparator = culture.NumberFormat.PercentDecimalSeparator = ",";
            culture.NumberFormat.NumberGroupSeparator = culture.NumberFormat.PercentGroupSeparator = "\u202F";
            culture.NumberFormat.PercentPositivePattern = 0;
        }

        return CultureInfo.ReadOnly(culture);
    }

    public required string Title { get; init; }
    public required string Period { get; init; }
    public required string Generated { get; init; }
    public required string Volume { get; init; }
    public required string Figure { get; init; }
    public required string Value { get; init; }
    public required string Applications { get; init; }
    public required string Attempts { get; init; }
    public required string FirstPass { get; init; }
    public required string LaterPass { get; init; }
    public required string MedianDays { get; init; }
    public required string Appeals { get; init; }
    public required string Renewals { get; init; }
    public required string CeCredits { get; init; }
    public required string Distribution { get; init; }
    public required string DistributionAlt { get; init; }
    public required string Trend { get; init; }
    public required string TrendAlt { get; init; }
    public required string Reliability { get; init; }
    public required string ReliabilityAlt { get; init; }
    public required string Criterion { get; init; }
    public required string Alpha { get; init; }
    public required string Interval { get; init; }
    public required string Exact { get; init; }
    public required string Adjacent { get; init; }
    public required string Fairness { get; init; }
    public required string Dimension { get; init; }
    public required string Group { get; init; }
    public required string PassRate { get; init; }
    public required string Ratio { get; init; }
    public required string PValue { get; init; }
    public required string Suppressed { get; init; }

    public required string Pairs { get; init; }

    public required string PairsNote { get; init; }

    public required string Pair { get; init; }

    public required string Kappa { get; init; }

    public required string QuadraticKappa { get; init; }

    public required string Shared { get; init; }
    public required string Evaluators { get; init; }
    public required string Evaluator { get; init; }
    public required string Reviews { get; init; }
    public required string Overdue { get; init; }
    public required string Severity { get; init; }
    public required string Calibration { get; init; }
    public required string Standing { get; init; }
    public required string RecentAgreement { get; init; }
    public required string Discussions { get; init; }
    public required string Disagreed { get; init; }
    public required string Gaps { get; init; }
    public required string Cohort { get; init; }
    public required string BelowPassing { get; init; }
    public required string Flags { get; init; }
    public required string Finding { get; init; }
    public required string SuggestedAction { get; init; }
    public required string BoardResolution { get; init; }
    public required string Unresolved { get; init; }

    /// <summary>{0} outcome, {1} date, {2} who, {3}–{4} the months reviewed, {5} the note.</summary>
    public required string ResolutionLine { get; init; }
    public required string NoFlags { get; init; }
    public required string NoData { get; init; }
    public required string Interpretation { get; init; }
    public required string AlphaUnreliable { get; init; }
    public required string AlphaTentative { get; init; }
    public required string AlphaReliable { get; init; }
    public required string AlphaResolution { get; init; }
    public required string FairnessFlag { get; init; }
    public required string FairnessResolution { get; init; }
    public required string NoAdverseImpact { get; init; }
    public required string SeverityFlag { get; init; }
    public required string SeverityResolution { get; init; }
    public required string CalibrationFlag { get; init; }
    public required string CalibrationExcluded { get; init; }
    public required string CalibrationAdvised { get; init; }
    public required string Harsher { get; init; }
    public required string MoreLenient { get; init; }
    public required IReadOnlyDictionary<string, string> Statuses { get; init; }
    public required IReadOnlyDictionary<string, string> Verdicts { get; init; }
    public required IReadOnlyDictionary<string, string> Outcomes { get; init; }
}
