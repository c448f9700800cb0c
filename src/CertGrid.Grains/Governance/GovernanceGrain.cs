using CertGrid.Abstractions.Governance;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Governance;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Governance;

/// <summary>
/// A community's governance: proposals and votes, framework reviews and the notices the committee gets. One
/// reminder per community runs the daily checks. Every decision is an audit event saved with the change.
/// </summary>
public sealed class GovernanceGrain(
    [PersistentState("governance", StorageNames.GrainStore)] IPersistentState<GovernanceState> state)
    : DurableGrain<GovernanceState>(state), IGovernanceGrain, IRemindable
{
    public const string ReminderName = "governance-checks";
    public const int MaxQuorum = 50;
    public const int MaxOpenProposals = 500;
    public const int MaxProposals = 5000;
    public const int MaxNotices = 200;
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromHours(24);

    protected override string Community => this.GetPrimaryKeyString();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    private ICommitteeGrain Committee => GrainFactory.GetGrain<ICommitteeGrain>(Community);

    public async Task<GovernanceInfo> ConfigureAsync(GovernanceSettings settings, string actor)
    {
        InputRules.RequireRange(settings.Quorum, "input.quorum", 1, MaxQuorum);
        InputRules.RequireRange(settings.TermWarningDays, "input.termWarningDays", 1, 365);
        var enabling = !State.Enabled;
        State.Enabled = true;
        State.EnabledAt ??= Now;
        State.Quorum = settings.Quorum;
        State.TermWarningDays = settings.TermWarningDays;
        await SaveAsync(AuditEvent(actor, enabling ? "governance.enabled" : "governance.configured", Community, new { settings.Quorum, settings.TermWarningDays }));
        await EnsureReminderAsync();
        return await GetAsync();
    }

    public async Task<GovernanceInfo> GetAsync() => new(State.Enabled, State.Quorum, State.TermWarningDays, await Committee.ListAsync(),
        State.Reviews.Values.OrderBy(r => r.DueOn).ToList(), State.EnabledAt, State.LastCheckedAt, Now);

    public async Task<ProposalInfo> OpenProposalAsync(OpenProposal command)
    {
        if (!State.Enabled)
        {
            throw CertGridException.Policy("This community has no steering committee yet: configure governance before proposing changes to it.");
        }

        var existing = State.Proposals.Values.FirstOrDefault(p => p.Status == ProposalStatus.Open && p.Kind == command.Kind
            && p.SubjectId == command.SubjectId && p.SubjectVersion == command.SubjectVersion);
        if (existing is not null)
        {
            return ToInfo(existing);
        }

        var seats = await Committee.ListAsync();
        IReadOnlySet<string> proposer = new HashSet<string>();
        if (command.ProposerPerson is not null)
        {
            proposer = (await PersonIdentities.ResolveAsync(GrainFactory, Community, command.ProposerPerson, "proposer")).All;
            if (!seats.Any(s => proposer.Contains(s.Person) && s.IsActiveOn(Today)))
            {
                throw CertGridException.Forbidden("Only admins and members of the steering committee in office can propose changes.");
            }
        }

        var electorate = seats.Where(s => s.IsActiveOn(Today) && !proposer.Contains(s.Person)).Select(s => s.Person).Distinct().ToList();
        QuorumRule.RequireReachable(electorate.Count, State.Quorum);
        if (State.Proposals.Count >= MaxProposals || State.Proposals.Values.Count(p => p.Status == ProposalStatus.Open) >= MaxOpenProposals)
        {
            throw CertGridException.Policy("Too many proposals: decide or withdraw open ones first.");
        }

        var record = new ProposalRecord
        {
            Id = EntityId.New(IdPrefixes.Proposal), Kind = command.Kind, SubjectId = command.SubjectId, SubjectVersion = command.SubjectVersion,
            Title = InputRules.RequireText(command.Title, "title"), Summary = InputRules.OptionalText(command.Summary, "note"),
            ProposedBy = command.Actor, ProposerPerson = command.ProposerPerson, ProposerIdentities = [.. proposer],
            OpenedAt = Now, Quorum = State.Quorum, Electorate = electorate, Status = ProposalStatus.Open, Content = command.Content,
        };
        State.Proposals[record.Id] = record;
        return await SaveAnsweringAsync(ToInfo(record), AuditEvent(command.Actor, "proposal.opened", record.Id, new
        {
            kind = record.Kind.ToString(), record.SubjectId, record.SubjectVersion, record.Title, record.Quorum, record.Electorate,
        }));
    }

    public async Task<ProposalInfo> VoteAsync(string proposalId, string voterPerson, bool approve, string? comment, string actor)
    {
        var record = Require(proposalId);
        var voter = await PersonIdentities.ResolveAsync(GrainFactory, Community, voterPerson, "voter");
        var seat = VoteRules.RequireEligible(voter.All, record.ProposerIdentities.ToHashSet(StringComparer.Ordinal), record.Electorate,
            await Committee.ListAsync(), record.Votes, record.Status, Today);
        var vote = new Vote(seat.Person, seat.Id, approve, InputRules.OptionalText(comment, "input.comment", 2000), Now, actor);
        record.Votes.Add(vote);
        var events = new List<Domain.Audit.AuditEvent>
        {
            AuditEvent(actor, "proposal.vote-cast", record.Id, new { vote.Person, vote.SeatId, vote.Approve, vote.Comment }),
        };
        var outcome = QuorumRule.Tally(record.Electorate.Count, record.Quorum, record.Votes);
        if (outcome != ProposalStatus.Open)
        {
            record.Status = outcome;
            record.DecidedAt = Now;
            record.DecidedBy = "quorum";
            events.Add(AuditEvent(Actors.System, outcome == ProposalStatus.Approved ? "proposal.approved" : "proposal.rejected", record.Id, new
            {
                kind = record.Kind.ToString(), record.SubjectId, record.SubjectVersion, record.Quorum,
                approvals = record.Votes.Where(v => v.Approve).Select(v => v.Person), rejections = record.Votes.Where(v => !v.Approve).Select(v => v.Person),
            }));
        }

        return await SaveAnsweringAsync(ToInfo(record), [.. events]);
    }

    public async Task<ProposalInfo> WithdrawAsync(string proposalId, string actor)
    {
        var record = Require(proposalId);
        switch (record.Status)
        {
            case ProposalStatus.Withdrawn:
                return ToInfo(record);
            case ProposalStatus.Open:
                record.Status = ProposalStatus.Withdrawn;
                record.DecidedAt = Now;
                record.DecidedBy = actor;
                return await SaveAnsweringAsync(ToInfo(record), AuditEvent(actor, "proposal.withdrawn", record.Id, new { kind = record.Kind.ToString(), record.SubjectId, record.SubjectVersion }));
            default:
                throw CertGridException.Conflict($"This proposal was already {record.Status.ToString().ToLowerInvariant()}; it cannot be withdrawn.");
        }
    }

    public Task<ProposalInfo> GetProposalAsync(string proposalId) => Task.FromResult(ToInfo(Require(proposalId)));

    public Task<ProposalInfo?> FindLatestAsync(ProposalKind kind, string subjectId, string? subjectVersion = null) => Task.FromResult(
        NewestFirst().Where(p => p.Kind == kind && p.SubjectId == subjectId && (subjectVersion is null || p.SubjectVersion == subjectVersion))
            .Select(ToInfo).FirstOrDefault());

    public Task<IReadOnlyList<ProposalInfo>> ListProposalsAsync(ProposalStatus? status) => Task.FromResult<IReadOnlyList<ProposalInfo>>(
        NewestFirst().Where(p => status is null || p.Status == status).Take(200).Select(ToInfo).ToList());

    public async Task ScheduleReviewAsync(string frameworkId, string frameworkName, int? cadenceDays, DateOnly lastReviewedOn, string actor)
    {
        var existing = State.Reviews.GetValueOrDefault(frameworkId);
        if (cadenceDays is not { } days)
        {
            if (State.Reviews.Remove(frameworkId))
            {
                await SaveAsync(AuditEvent(actor, "governance.review-unscheduled", frameworkId, new { frameworkName }));
            }

            return;
        }

        var last = existing is not null && existing.LastReviewedOn > lastReviewedOn ? existing.LastReviewedOn : lastReviewedOn;
        var schedule = new ReviewSchedule(frameworkId, frameworkName, days, last, existing?.NotifiedForDueOn);
        if (schedule != existing)
        {
            State.Reviews[frameworkId] = schedule;
            await SaveAsync(AuditEvent(actor, "governance.review-scheduled", frameworkId, new { frameworkName, cadenceDays = days, dueOn = schedule.DueOn }));
        }

        await EnsureReminderAsync();
    }

    public async Task<ReviewSchedule> CompleteReviewAsync(string frameworkId, string reviewerPerson, string summary, string actor)
    {
        var schedule = State.Reviews.GetValueOrDefault(frameworkId) ?? throw CertGridException.NotFound("Review schedule of framework", frameworkId);
        var reviewer = await PersonIdentities.ResolveAsync(GrainFactory, Community, reviewerPerson, "reviewer");
        if (!(await Committee.ListAsync()).Any(s => reviewer.All.Contains(s.Person) && s.IsActiveOn(Today)))
        {
            throw CertGridException.Forbidden("Only members of the steering committee in office can record a framework review.");
        }

        var text = InputRules.RequireText(summary, "input.summary", InputRules.DescriptionMaxLength);
        var next = schedule with { LastReviewedOn = Today };
        State.Reviews[frameworkId] = next;
        return await SaveAnsweringAsync(next, AuditEvent(actor, "governance.review-completed", frameworkId, new { schedule.FrameworkName, reviewer = reviewer.Person, summary = text, nextDueOn = next.DueOn }));
    }

    public async Task<IReadOnlyList<GovernanceNotice>> RunScheduledChecksAsync()
    {
        var today = Today;
        var notices = new List<GovernanceNotice>();
        foreach (var review in GovernanceSchedule.DueReviews(State.Reviews.Values, today))
        {
            notices.Add(new GovernanceNotice(GovernanceSchedule.ReviewDue, review.FrameworkId,
                $"The periodic review of '{review.FrameworkName}' is due (every {review.CadenceDays} days; due {review.DueOn:yyyy-MM-dd}).", review.DueOn, Now));
            State.Reviews[review.FrameworkId] = review with { NotifiedForDueOn = review.DueOn };
        }

        var raised = State.Notices.Select(n => (n.Kind, n.Subject, n.DueOn)).ToHashSet();
        notices.AddRange(GovernanceSchedule.TermNotices(await Committee.ListAsync(), today, State.TermWarningDays, raised, Now));
        State.Notices.AddRange(notices);
        State.Notices.RemoveRange(0, Math.Max(0, State.Notices.Count - MaxNotices));
        State.LastCheckedAt = Now;
        await SaveAsync([.. notices.Select(n => AuditEvent(Actors.System, $"governance.{n.Kind}", n.Subject, new { n.Message, n.DueOn }))]);
        return notices;
    }

    public Task<IReadOnlyList<GovernanceNotice>> GetNoticesAsync() =>
        Task.FromResult<IReadOnlyList<GovernanceNotice>>(Enumerable.Reverse(State.Notices).ToList());

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? RunScheduledChecksAsync() : Task.CompletedTask;

    /// <summary>One reminder per community, however many frameworks and terms it watches.</summary>
    private async Task EnsureReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), CheckPeriod);
        }
    }

    /// <summary>Proposals, newest first; of two opened at the same instant, the one opened later (proposals are never removed, so the dictionary keeps their order).</summary>
    private IOrderedEnumerable<ProposalRecord> NewestFirst() => State.Proposals.Values.Reverse().OrderByDescending(p => p.OpenedAt);

    private ProposalRecord Require(string proposalId) =>
        State.Proposals.GetValueOrDefault(proposalId) ?? throw CertGridException.NotFound("Proposal", proposalId);

    private static ProposalInfo ToInfo(ProposalRecord r) => new(r.Id, r.Kind, r.SubjectId, r.SubjectVersion, r.Title, r.Summary, r.ProposedBy,
        r.ProposerPerson, r.OpenedAt, r.Quorum, r.Electorate.ToList(), r.Votes.ToList(), r.Status, r.DecidedAt, r.DecidedBy, r.Content);
}
