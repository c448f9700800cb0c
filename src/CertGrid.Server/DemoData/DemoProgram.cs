using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Programs;

namespace CertGrid.Server.DemoData;

/// <summary>The demo community's program: a site-reliability competency framework and three tiered credentials.</summary>
public static class DemoProgram
{
    public static DefineFramework Framework { get; } = new("Site Reliability Practice", "What the community expects of a reliability engineer.",
    [
        new("OBS-1", "Observability", "Instruments services and reads their signals.", ["Defines SLIs that reflect user experience", "Builds dashboards and alerts tied to SLOs"]),
        new("INC-1", "Incident response", "Leads and supports incident response.", ["Runs an incident with clear roles", "Communicates status to stakeholders"]),
        new("PM-1", "Post-incident learning", "Turns incidents into improvements.", ["Writes blameless post-incident reviews", "Tracks follow-up actions to completion"]),
        new("CAP-1", "Capacity planning", "Keeps services ahead of demand.", ["Forecasts load from trends", "Load-tests before launches"]),
        new("AUT-1", "Automation", "Removes toil with reliable automation.", ["Automates a recurring manual task", "Makes automation safe to re-run"]),
    ]);

    public static DefineCredential Foundations(string frameworkId) => new(
        "SRE Foundations",
        "Demonstrates the foundations of site reliability: observability, incident response and learning from incidents.",
        CredentialTier.Foundational, frameworkId,
        "Submit a portfolio showing an SLO you defined, an incident you took part in, and the review you wrote afterwards.",
        new Rubric(
        [
            Criterion("C1", "Service level objectives", "OBS-1"),
            Criterion("C2", "Incident participation", "INC-1"),
            Criterion("C3", "Post-incident review", "PM-1"),
        ], 70),
        ValidityDays: 730, EvaluatorsPerAttempt: 2);

    public static DefineCredential IncidentCommander(string frameworkId) => new(
        "Incident Commander",
        "Leads major incidents end to end and makes the organisation better afterwards.",
        CredentialTier.Advanced, frameworkId,
        "Submit evidence of two major incidents you commanded and the improvements that followed.",
        new Rubric([Criterion("C1", "Command", "INC-1"), Criterion("C2", "Communication", "INC-1"), Criterion("C3", "Follow-through", "PM-1")], 75),
        ValidityDays: 365, EvaluatorsPerAttempt: 3);

    /// <summary>The advanced credential shows the integrity options: blind review, a tolerance with a discussion, retake limits, reflections.</summary>
    public static AssessmentPolicy IncidentCommanderPolicy { get; } = AssessmentPolicy.Default with
    {
        BlindReview = true,
        Consensus = new ConsensusPolicy(15, DisagreementAction.Discussion, 0),
        Retake = new RetakePolicy(3, 365, 30, 2),
        ExcludePreviousFailReviewers = true,
        ReflectivePrompts = [new ReflectivePrompt("TRADEOFFS", "Which trade-offs did you make while commanding, and what would you change?", "C3", 80)],
    };

    public static DefineCredential ToilBuster(string frameworkId) => new(
        "Toil Buster",
        "Micro-credential for automating away a recurring manual task.",
        CredentialTier.MicroCredential, frameworkId,
        "Show the task before and after, and how the automation is made safe to re-run.",
        new Rubric([Criterion("C1", "Automation", "AUT-1")], 60),
        ValidityDays: null, EvaluatorsPerAttempt: 2);

    private static RubricCriterion Criterion(string code, string name, string competency) => new(code, name, null, [competency],
    [
        new("Not yet", 0, "The evidence does not show this."),
        new("Developing", 1, "Shows it with guidance."),
        new("Proficient", 2, "Shows it independently."),
        new("Exemplary", 3, "Shows it and teaches others."),
    ]);
}
