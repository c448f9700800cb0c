using System.Globalization;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>
/// One W3C Bitstring Status List: random-looking, never-reused indexes, and the entries verifiers check (1 bit, or 2
/// bits in a <c>message</c> list), published as a signed BitstringStatusListCredential that is re-signed when an entry
/// changes. Indexes are handed out in blocks from a keyed permutation (<see cref="StatusIndexPermutation"/>), recorded
/// in a small row of their own (<see cref="StatusListAllocation"/>), so the list (16 or 32 KiB) is written only when an
/// entry changes. Lists filled before that recorded each index in a bitmap (<see cref="StatusListState.Allocated"/>);
/// they keep serving their credentials and hand out nothing more.
/// </summary>
public sealed class StatusListGrain(
    [PersistentState("statuslist", StorageNames.GrainStore)] IPersistentState<StatusListState> state,
    [PersistentState("statuslist-allocation", StorageNames.GrainStore)] IPersistentState<StatusListAllocation> allocation,
    PublicRoutes routes,
    IOptions<StatusListOptions> options,
    VerificationEpoch verificationEpoch)
    : DurableGrain<StatusListState>(state), IStatusListGrain
{
    private PublishedStatusList? _published;
    private string _community = string.Empty;
    private StatusPurpose _purpose;
    private int _number;

    protected override string Community => _community;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parts = this.GetPrimaryKeyString().Split('/');
        _community = parts[0];
        _purpose = StatusPurposes.TryParse(parts[1], out var purpose) ? purpose : throw new InvalidOperationException($"Bad status list key {this.GetPrimaryKeyString()}.");
        _number = int.Parse(parts[2], CultureInfo.InvariantCulture);
        if (State.Bits.Length == 0)
        {
            State.Bits = new Bitstring(Bitstring.MinimumLength * _purpose.EntryBits()).ToBytes();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<int>> ReserveAsync(int count)
    {
        var taken = allocation.State;
        var length = Entries;
        var size = Math.Min(count, length - taken.Reserved);
        if (State.AllocatedCount > 0 || size <= 0)
        {
            return [];
        }

        if (taken.Key.Length == 0)
        {
            taken.Key = StatusIndexPermutation.NewKey();
        }

        var first = taken.Reserved;
        taken.Reserved += size;
        try
        {
            await allocation.WriteStateAsync();
        }
        catch (Exception ex)
        {
            DeactivateOnIdle();
            Logger.LogError(ex, "Reserving status indexes of {List} failed; the activation will reload from storage", this.GetPrimaryKeyString());
            throw new CertGridException(ErrorCode.Unavailable, "Storage did not confirm the status list reservation; try again.");
        }

        var permutation = new StatusIndexPermutation(taken.Key, length);
        return Enumerable.Range(first, size).Select(permutation.IndexOf).ToList();
    }

    public async Task SetAsync(int index, int value)
    {
        if (!WasHandedOut(index))
        {
            throw new CertGridException(ErrorCode.Internal, $"Status index {index} of {this.GetPrimaryKeyString()} was never allocated.");
        }

        var bits = Bitstring.FromBytes(State.Bits);
        if (bits.GetEntry(index, _purpose.EntryBits()) == value)
        {
            return;
        }

        bits.SetEntry(index, _purpose.EntryBits(), value);
        State.Bits = bits.ToBytes();
        State.Version++;
        await SaveAsync();
        verificationEpoch.Advance();
    }

    /// <summary>Whether an index belongs to a credential (or to a block reserved for one).</summary>
    private bool WasHandedOut(int index) => State.AllocatedCount > 0
        ? Bitstring.FromBytes(State.Allocated).Get(index)
        : allocation.State.Key.Length > 0 && index >= 0 && index < Entries
            && new StatusIndexPermutation(allocation.State.Key, Entries).OrdinalOf(index) < allocation.State.Reserved;

    /// <summary>How many entries the list holds (each <see cref="StatusPurposes.EntryBits"/> bits wide).</summary>
    private int Entries => State.Bits.Length * 8 / _purpose.EntryBits();

    public Task<int> GetAsync(int index) => Task.FromResult(Bitstring.FromBytes(State.Bits).GetEntry(index, _purpose.EntryBits()));

    public async Task<PublishedStatusList> PublishAsync()
    {
        // Verifiers trust this list for revocation: an activation left outdated by a silo failure serves it at most
        // one time-to-live longer than the list promises (see DurableGrain.ConfirmCurrentAsync).
        await ConfirmCurrentAsync(options.Value.TimeToLive);
        if (_published is { } current && current.Version == State.Version)
        {
            return current;
        }

        var url = routes.StatusList(_community, _purpose, _number);
        var ttl = options.Value.TimeToLive;
        var validFrom = Now;
        var document = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgeDocument.VcContext),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = routes.Issuer(_community),
            ["validFrom"] = OpenBadgeDocument.Timestamp(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{url}#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = _purpose.ToWireName(),
                ["encodedList"] = Bitstring.FromBytes(State.Bits).Encode(),
                ["ttl"] = (long)ttl.TotalMilliseconds,
            },
        };
        var payload = (JsonObject)document.DeepClone();
        payload["iss"] = routes.Issuer(_community);
        payload["jti"] = url;
        payload["nbf"] = validFrom.ToUnixTimeSeconds();
        payload["iat"] = validFrom.ToUnixTimeSeconds();
        var signed = await GrainFactory.GetGrain<IIssuerGrain>(_community).SignJwtAsync(payload.ToJsonString());
        _published = new PublishedStatusList(signed.Compact, document.ToJsonString(), State.Version, ttl);
        return _published;
    }
}
