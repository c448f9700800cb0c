using CertGrid.Abstractions.Governance;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Governance;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>
/// A versioned competency framework. Drafts change freely; a proposed version is frozen while the steering
/// committee decides; published versions never change. Committee decisions are read from the governance grain,
/// so this grain only ever calls governance, never the other way round.
/// </summary>
public sealed class CompetencyFrameworkGrain(
    [PersistentState("framework", StorageNames.GrainStore)] IPersistentState<FrameworkState> state)
    : DurableGrain<FrameworkState>(state), ICompetencyFrameworkGrain
{
    public const int MaxVersions = 100;
    public const int MinReviewCadenceDays = 30;
    public const int MaxReviewCadenceDays = 1830;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private IGovernanceGrain Governance => GrainFactory.GetGrain<IGovernanceGrain>(Community);

    private FrameworkVersionRecord Newest => State.Versions[^1];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (RecordExists)
        {
            State.MigrateSingleVersion();
        }
    }

    public async Task<FrameworkInfo> DefineAsync(DefineFramework command, string actor)
    {
        if (RecordExists && State.Versions.Any(v => v.IsReleased))
        {
            throw CertGridException.Conflict($"Framework '{Key.Id}' is published and can no longer change; draft a new version with reviseFramework.");
        }

        if (RecordExists)
        {
            FrameworkLifecycle.RequireEditable((await DecisionsAsync()).Effective(Newest), Newest.Version);
        }

        var content = FrameworkContentRules.Validate(command.ToContent());
        var created = !RecordExists;
        var version = created ? new FrameworkVersionRecord { Version = SemanticVersion.First.ToString(), CreatedAt = Now, CreatedBy = actor } : Newest;
        Redraft(version, content, command.ChangeNote ?? "First version.");
        if (created)
        {
            State.CreatedAt = Now;
            State.Versions.Add(version);
        }

        await SaveAsync(AuditEvent(actor, created ? "framework.created" : "framework.revised", Key.Id,
            new { content.Name, version = version.Version, competencies = content.Competencies.Select(c => c.Code) }));
        return await InfoAsync();
    }

    public async Task<FrameworkInfo> ReviseAsync(DefineFramework command, VersionBump? bump, string actor)
    {
        RequireExists();
        var content = FrameworkContentRules.Validate(command.ToContent());
        var released = State.Versions.LastOrDefault(v => v.IsReleased);
        var decisions = await DecisionsAsync();
        FrameworkVersionRecord version;
        if (!Newest.IsReleased)
        {
            FrameworkLifecycle.RequireEditable(decisions.Effective(Newest), Newest.Version);
            version = Newest;
        }
        else
        {
            if (State.Versions.Count >= MaxVersions)
            {
                throw CertGridException.Policy($"A framework keeps at most {MaxVersions} versions.");
            }

            version = new FrameworkVersionRecord { CreatedAt = Now, CreatedBy = actor, BasedOn = released!.Version };
            State.Versions.Add(version);
        }

        if (released is not null)
        {
            version.Version = FrameworkVersioning.Next(released.Version, released.Content, content, bump);
            version.BasedOn = released.Version;
        }

        Redraft(version, content, command.ChangeNote);
        await SaveAsync(AuditEvent(actor, "framework.version-drafted", Key.Id, new { version = version.Version, basedOn = version.BasedOn, version.ChangeNote }));
        return await InfoAsync();
    }

    public async Task<FrameworkInfo> ProposeAsync(string? note, string actor, string? proposerPerson)
    {
        RequireExists();
        var version = Newest;
        FrameworkLifecycle.RequireEditable((await DecisionsAsync()).Effective(version), version.Version);
        var proposal = await Governance.OpenProposalAsync(new OpenProposal(ProposalKind.FrameworkVersion, Key.Id, version.Version,
            $"{version.Content.Name} version {version.Version}", InputRules.OptionalText(note, "note") ?? version.ChangeNote, actor, proposerPerson));
        version.Status = FrameworkVersionStatus.Proposed;
        version.ProposalId = proposal.Id;
        version.ProposedAt = Now;
        await SaveAsync(AuditEvent(actor, "framework.version-proposed", Key.Id, new { version = version.Version, proposalId = proposal.Id }));
        return await InfoAsync();
    }

    public async Task<FrameworkInfo> WithdrawAsync(string actor)
    {
        RequireExists();
        var version = Newest;
        if (version.Status != FrameworkVersionStatus.Proposed)
        {
            throw CertGridException.Conflict($"Version {version.Version} is not proposed, so there is nothing to withdraw.");
        }

        var proposal = await Governance.WithdrawAsync(version.ProposalId!, actor);
        if (proposal.Status == ProposalStatus.Approved)
        {
            throw CertGridException.Conflict($"The committee already approved version {version.Version}; publish it or draft a new version.");
        }

        version.Status = FrameworkVersionStatus.Draft;
        await SaveAsync(AuditEvent(actor, "framework.proposal-withdrawn", Key.Id, new { version = version.Version, proposalId = proposal.Id }));
        return await InfoAsync();
    }

    public async Task<FrameworkInfo> PublishAsync(string actor)
    {
        RequireExists();
        var version = Newest;
        if (version.IsReleased)
        {
            return await InfoAsync();
        }

        var governed = (await Governance.GetAsync()).Enabled;
        var decisions = await DecisionsAsync();
        FrameworkLifecycle.RequirePublishable(decisions.Effective(version), governed, version.Version);
        var proposal = decisions.Proposal(version.ProposalId);
        version.Status = FrameworkVersionStatus.Published;
        version.PublishedAt = Now;
        version.PublishedBy = actor;
        await SaveAsync(AuditEvent(actor, "framework.published", Key.Id, new
        {
            version.Content.Name, version = version.Version, basedOn = version.BasedOn, governed,
            proposalId = proposal?.Id, approvedBy = proposal?.Votes.Where(v => v.Approve).Select(v => v.Person),
        }));
        if (State.ReviewCadenceDays is not null)
        {
            await ScheduleReviewAsync(actor);
        }

        return await InfoAsync();
    }

    public async Task<FrameworkInfo> RetireAsync(string version, string reason, string actor, string? proposerPerson)
    {
        RequireExists();
        var why = InputRules.RequireText(reason, "reason", 1000);
        var record = State.Versions.FirstOrDefault(v => v.Version == version) ?? throw CertGridException.NotFound("Framework version", version);
        var decisions = await DecisionsAsync();
        var status = decisions.Effective(record);
        if (status != FrameworkVersionStatus.Published)
        {
            return status == FrameworkVersionStatus.Retired ? await InfoAsync() : throw CertGridException.Conflict($"Version {version} is not published, so it cannot be retired.");
        }

        if (decisions.Proposal(record.RetirementProposalId)?.Status == ProposalStatus.Open)
        {
            return await InfoAsync();
        }

        var governed = (await Governance.GetAsync()).Enabled;
        if (!governed && proposerPerson is not null)
        {
            throw CertGridException.Forbidden("Without a steering committee only admins retire framework versions.");
        }

        record.RetirementReason = why;
        if (governed)
        {
            var proposal = await Governance.OpenProposalAsync(new OpenProposal(ProposalKind.FrameworkRetirement, Key.Id, version,
                $"Retire {record.Content.Name} version {version}", why, actor, proposerPerson));
            record.RetirementProposalId = proposal.Id;
            await SaveAsync(AuditEvent(actor, "framework.retirement-proposed", Key.Id, new { version, reason = why, proposalId = proposal.Id }));
        }
        else
        {
            record.Status = FrameworkVersionStatus.Retired;
            record.RetiredAt = Now;
            await SaveAsync(AuditEvent(actor, "framework.retired", Key.Id, new { version, reason = why, governed = false }));
        }

        return await InfoAsync();
    }

    public async Task<FrameworkInfo> SetReviewCadenceAsync(int? days, string actor)
    {
        RequireExists();
        if (days is { } value)
        {
            InputRules.RequireRange(value, "days", MinReviewCadenceDays, MaxReviewCadenceDays);
        }

        State.ReviewCadenceDays = days;
        await SaveAsync(AuditEvent(actor, "framework.review-cadence-set", Key.Id, new { days }));
        await ScheduleReviewAsync(actor);
        return await InfoAsync();
    }

    public async Task<FrameworkInfo> GetAsync()
    {
        RequireExists();
        return await InfoAsync();
    }

    public async Task<FrameworkVersionInfo> GetVersionAsync(string version)
    {
        RequireExists();
        var record = State.Versions.FirstOrDefault(v => v.Version == version) ?? throw CertGridException.NotFound("Framework version", version);
        return (await DecisionsAsync()).View(record);
    }

    public Task<FrameworkDiff> DiffAsync(string fromVersion, string toVersion)
    {
        RequireExists();
        var from = State.Versions.FirstOrDefault(v => v.Version == fromVersion) ?? throw CertGridException.NotFound("Framework version", fromVersion);
        var to = State.Versions.FirstOrDefault(v => v.Version == toVersion) ?? throw CertGridException.NotFound("Framework version", toVersion);
        return Task.FromResult(FrameworkDiffer.Compare(from.Version, from.Content, to.Version, to.Content));
    }

    protected override Task ProjectAsync()
    {
        var current = State.Versions.LastOrDefault(v => v.Status == FrameworkVersionStatus.Published) ?? Newest;
        return GrainFactory.GetGrain<IProgramCatalogGrain>(Community).RecordFrameworkAsync(new CatalogEntry(Key.Id, current.Content.Name,
            current.Status == FrameworkVersionStatus.Published ? PublicationStatus.Published : PublicationStatus.Draft, null));
    }

    private static void Redraft(FrameworkVersionRecord version, FrameworkContent content, string? note)
    {
        version.Content = content;
        version.ChangeNote = InputRules.OptionalText(note, "input.changeNote", InputRules.DescriptionMaxLength);
        version.Status = FrameworkVersionStatus.Draft;
        version.ProposalId = null;
        version.ProposedAt = null;
    }

    /// <summary>Tells governance when the next review is due: a cadence after the newest publication (or from today).</summary>
    private Task ScheduleReviewAsync(string actor)
    {
        var lastPublished = State.Versions.Where(v => v.PublishedAt is not null).Select(v => v.PublishedAt!.Value).DefaultIfEmpty(Now).Max();
        return Governance.ScheduleReviewAsync(Key.Id, Newest.Content.Name, State.ReviewCadenceDays, DateOnly.FromDateTime(lastPublished.UtcDateTime), actor);
    }

    private Task<FrameworkDecisions> DecisionsAsync() => FrameworkDecisions.LoadAsync(Governance, State.Versions);

    private async Task<FrameworkInfo> InfoAsync() => (await DecisionsAsync()).Info(Key.Id, State);

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Framework", Key.Id);
        }
    }
}
