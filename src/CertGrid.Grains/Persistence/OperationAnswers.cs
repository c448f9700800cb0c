using Microsoft.AspNetCore.DataProtection;
using Orleans.Serialization;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Turns a grain's answer into what its state keeps for a retried operation, and back: serialised as Orleans sends it,
/// encrypted with the cluster's data-protection keys (an answer can hold a secret, an issued API key for one).
/// </summary>
public sealed class OperationAnswers(Serializer serializer, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CertGrid.Retries.OperationAnswer");

    /// <summary>The answer as Orleans sends it; two answers with the same content serialise to the same bytes.</summary>
    public byte[] Serialize(object? answer) => serializer.SerializeToArray(answer);

    /// <summary>A serialised answer, encrypted for the grain's state.</summary>
    public byte[] Protect(byte[] serialized) => _protector.Protect(serialized);

    public object? Read(byte[]? kept) => kept is null ? null : serializer.Deserialize<object?>(_protector.Unprotect(kept));
}
