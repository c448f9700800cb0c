using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Recognition;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Recognition;
using CertGrid.Grains.Credentials;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Programs;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Recognition;

/// <summary>
/// One contributor's mentoring, reviews and curated resources. When a count reaches the community's threshold the
/// badge is issued once, as a micro-credential held by the contributor's learner record (an evaluator's linked
/// one), through the normal issuance under a deterministic id.
/// </summary>
public sealed class ContributorGrain(
    [PersistentState("contributor", StorageNames.GrainStore)] IPersistentState<ContributorState> state)
    : DurableGrain<ContributorState>(state), IContributorGrain
{
    public const int RememberedIds = 500;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string Person => Key.Id;

    public async Task<ContributorInfo> RecordAsync(ContributionKind kind, string contributionId, string actor)
    {
        var recent = State.RecentIds.TryGetValue(kind, out var ids) ? ids : State.RecentIds[kind] = [];
        if (!recent.Contains(contributionId))
        {
            recent.Add(contributionId);
            recent.RemoveRange(0, Math.Max(0, recent.Count - RememberedIds));
            State.Counts[kind] = State.Counts.GetValueOrDefault(kind) + 1;
            await SaveAsync();
        }

        await AwardDueBadgesAsync();
        return ToInfo();
    }

    public Task<ContributorInfo> GetAsync() => Task.FromResult(ToInfo());

    /// <summary>
    /// Awards every badge whose threshold is reached: the award is stored with the badge's issuance as its effect (under a
    /// deterministic id). A badge nobody can hold yet (no linked learner record) is owed and awarded on a later contribution.
    /// </summary>
    private async Task AwardDueBadgesAsync()
    {
        var issued = State.Badges.Where(b => b.CredentialId is not null).Select(b => b.Kind).ToHashSet();
        var due = RecognitionRules.Due(await GrainFactory.GetGrain<IRecognitionPolicyGrain>(Community).GetAsync(), State.Counts, issued);
        foreach (var rule in due)
        {
            var learnerId = await HolderAsync();
            if (learnerId is null)
            {
                if (State.Badges.All(b => b.Kind != rule.Kind))
                {
                    State.Badges.Add(new AwardedBadge(rule.Kind, rule.DefinitionId, null, Now, "Owed: this evaluator has no linked learner record to hold the badge."));
                    await SaveAsync(AuditEvent(Actors.System, "recognition.badge-owed", Person, new { kind = rule.Kind.ToString(), rule.Threshold }));
                }

                continue;
            }

            var credentialId = AwardIds.For(Community, learnerId, $"badge:{rule.Kind}");
            Cause(new IssueEarnedCredential(credentialId, new IssueCredential(
                learnerId, rule.DefinitionId, $"recognition-{rule.Kind.ToString().ToLowerInvariant()}", [], [], AwardedThrough: $"recognition:{rule.Kind}")));
            State.Badges.RemoveAll(b => b.Kind == rule.Kind);
            State.Badges.Add(new AwardedBadge(rule.Kind, rule.DefinitionId, credentialId, Now, null));
            await SaveAsync(AuditEvent(Actors.System, "recognition.badge-awarded", Person, new
            {
                kind = rule.Kind.ToString(), count = State.Counts.GetValueOrDefault(rule.Kind), rule.Threshold, credentialId, learnerId,
            }));
        }
    }

    /// <summary>The learner record that holds this contributor's badges: theirs, or an evaluator's linked one.</summary>
    private async Task<string?> HolderAsync()
    {
        var separator = Person.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = (Person[..separator], Person[(separator + 1)..]);
        return kind == "learner" ? id : (await GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community).GetAsync(id)).LinkedLearnerId;
    }

    private ContributorInfo ToInfo() => new(Person, new Dictionary<ContributionKind, int>(State.Counts), State.Badges.ToList());
}
