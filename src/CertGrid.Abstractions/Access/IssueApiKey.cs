using CertGrid.Domain.Access;

namespace CertGrid.Abstractions.Access;

/// <summary>A request for a new key. Evaluator and learner keys are bound to their subject; partner keys carry scopes; any key may expire.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.issue-api-key")]
public sealed record IssueApiKey(
    [property: Id(0)] Role Role,
    [property: Id(1)] string? SubjectId,
    [property: Id(2)] IReadOnlyList<string> Scopes,
    [property: Id(3)] string Label,
    [property: Id(4)] DateTimeOffset? ExpiresAt = null);

/// <summary>A newly issued key: <see cref="Token"/> is shown this once.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.issued-api-key")]
public sealed record IssuedApiKey(
    [property: Id(0)] ApiKeyInfo Info,
    [property: Id(1)] string Token);

/// <summary>What authentication needs: the key's facts and the SHA-256 of its secret.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.api-key-credential")]
public sealed record ApiKeyCredential(
    [property: Id(0)] ApiKeyInfo Info,
    [property: Id(1)] string SecretHash);
