using CertGrid.Domain.Onboarding;

namespace CertGrid.Abstractions.Onboarding;

/// <summary>A file about to be uploaded: its name (<c>.csv</c>, or <c>.jsonl</c> for JSON Lines), size, and what its rows are.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.start-roster-import")]
public sealed record StartRosterImport([property: Id(0)] string FileName, [property: Id(1)] long SizeBytes, [property: Id(2)] ImportKind Kind = ImportKind.Learners);

/// <summary>Where to PUT the file (with header <c>x-ms-blob-type: BlockBlob</c>) until <see cref="ExpiresAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.roster-upload-ticket")]
public sealed record RosterUploadTicket(
    [property: Id(0)] RosterImportInfo Import,
    [property: Id(1)] Uri UploadUrl,
    [property: Id(2)] DateTimeOffset ExpiresAt);
