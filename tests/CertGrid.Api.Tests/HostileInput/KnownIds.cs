namespace CertGrid.Api.Tests.HostileInput;

/// <summary>Real entities of the suite's community, which plausible arguments point at.</summary>
public sealed record KnownIds(string Community, string Learner, string Evaluator, string Framework, string CredentialDefinition);
