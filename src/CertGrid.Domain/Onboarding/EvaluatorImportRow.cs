namespace CertGrid.Domain.Onboarding;

/// <summary>One evaluator of an import file, checked: their name, (lower-case) email, organisation, competency codes, languages and capacity (0: the pool's default).</summary>
public sealed record EvaluatorImportRow(long Line, string Name, string Email, string? Organisation, IReadOnlyList<string> Expertise, IReadOnlyList<string> Languages, int MaxActiveAssignments);
