namespace CertGrid.Domain.Assessments;

/// <summary>A learner's written answer to one of the credential's reflective prompts.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.reflection-answer")]
public sealed record ReflectionAnswer(
    [property: Id(0)] string PromptCode,
    [property: Id(1)] string Text);
