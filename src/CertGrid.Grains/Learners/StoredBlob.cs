namespace CertGrid.Grains.Learners;

/// <summary>What the server found in blob storage for an upload: its real size, type, hash and first bytes.</summary>
public sealed record StoredBlob(long SizeBytes, string ContentType, string Sha256, byte[] Head);
