using CertGrid.Abstractions.Governance;
using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Governance;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Governance;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Programs;

/// <summary>
/// A credential definition: tier, rubric aligned to a framework, validity and panel size. Editable while a
/// draft; publishing pins the framework's published version, and a published definition never changes. Its
/// assessment and lifespan policies can change after publication, under governance only as the committee approved.
/// </summary>
public sealed class CredentialDefinitionGrain(
    [PersistentState("definition", StorageNames.GrainStore)] IPersistentState<CredentialDefinitionState> state)
    : DurableGrain<CredentialDefinitionState>(state), ICredentialDefinitionGrain
{
    public const int MaxValidityDays = 3660;
    public const int MinEvaluators = 2;
    public const int MaxEvaluators = 7;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<CredentialDefinitionInfo> DefineAsync(DefineCredential command, string actor)
    {
        if (RecordExists && State.Status == PublicationStatus.Published)
        {
            throw CertGridException.Conflict($"Credential '{Key.Id}' is published and can no longer change.");
        }

        var name = InputRules.RequireText(command.Name, "input.name");
        var description = InputRules.RequireText(command.Description, "input.description", InputRules.DescriptionMaxLength);
        var narrative = InputRules.RequireText(command.CriteriaNarrative, "input.criteriaNarrative", InputRules.DescriptionMaxLength);
        if (!Enum.IsDefined(command.Tier))
        {
            throw CertGridException.Invalid("input.tier", "'input.tier' is not a known tier.");
        }

        if (command.ValidityDays is { } days)
        {
            InputRules.RequireRange(days, "input.validityDays", 1, MaxValidityDays);
        }

        InputRules.RequireRange(command.EvaluatorsPerAttempt, "input.evaluatorsPerAttempt", MinEvaluators, MaxEvaluators);
        var frameworkId = EntityId.Require(command.FrameworkId, IdPrefixes.Framework, "input.frameworkId");
        var framework = await GrainFactory.Framework(Community, frameworkId).GetAsync();
        var rubric = RubricRules.Validate(command.Rubric, framework.Competencies.Select(c => c.Code).ToHashSet(StringComparer.Ordinal), "input.rubric");
        var program = await new CredentialProgramRules(GrainFactory, Community, Key.Id).ValidateAsync(command, rubric);

        var created = !RecordExists;
        State.Name = name;
        State.Description = description;
        State.Tier = command.Tier;
        State.FrameworkId = frameworkId;
        State.CriteriaNarrative = narrative;
        State.Rubric = rubric;
        State.ValidityDays = command.ValidityDays;
        State.EvaluatorsPerAttempt = command.EvaluatorsPerAttempt;
        State.Status = PublicationStatus.Draft;
        (State.Requirements, State.Track, State.Translations) = program;
        State.AllowsDirectAward = command.AllowsDirectAward;
        if (created)
        {
            State.CreatedAt = Now;
        }

        await SaveAsync(AuditEvent(actor, created ? "credential.defined" : "credential.revised", Key.Id, new
        {
            name,
            tier = command.Tier.ToString(),
            frameworkId,
            passThresholdPercent = rubric.PassThresholdPercent,
            criteria = rubric.Criteria.Select(c => c.Code),
            command.ValidityDays,
            command.EvaluatorsPerAttempt,
            requirements = program.Requirements,
            track = program.Track,
            allowsDirectAward = command.AllowsDirectAward,
        }));
        return ToInfo();
    }

    public async Task<CredentialDefinitionInfo> PublishAsync(string actor)
    {
        RequireExists();
        if (State.Status == PublicationStatus.Published)
        {
            return ToInfo();
        }

        var framework = await GrainFactory.Framework(Community, State.FrameworkId).GetAsync();
        if (framework.Status != PublicationStatus.Published)
        {
            throw CertGridException.Policy($"Framework '{State.FrameworkId}' must be published before a credential assessed against it.");
        }

        // Program rules and governance come last, so a refusal names the rule a person can act on.
        var rules = new CredentialProgramRules(GrainFactory, Community, Key.Id);
        await rules.RequirePublishableAsync(ToInfo(), framework);
        var approval = await GovernanceGate.RequireApprovedAsync(GrainFactory.GetGrain<IGovernanceGrain>(Community),
            ProposalKind.CredentialDefinition, Key.Id, DefinitionFingerprint.Of(ToInfo()), $"credential '{State.Name}'");
        var policy = await rules.WritePolicyAsync(ToInfo(), framework.Name, framework.Version, PolicyLines(), Now);

        State.FrameworkVersion = framework.Version;
        State.Status = PublicationStatus.Published;
        State.PublishedAt = Now;
        State.Policy = policy;
        await SaveAsync(AuditEvent(actor, "credential.published", Key.Id, new
        {
            State.Name, State.FrameworkId, State.FrameworkVersion, proposalId = approval?.Id,
            approvedBy = approval?.Votes.Where(v => v.Approve).Select(v => v.Person),
        }));
        return ToInfo();
    }

    public Task<CredentialDefinitionInfo> GetAsync()
    {
        RequireExists();
        return Task.FromResult(ToInfo());
    }

    public async Task<AssessmentPolicy> SetAssessmentPolicyAsync(AssessmentPolicy policy, string actor)
    {
        RequireExists();
        var validated = AssessmentPolicyRules.Validate(policy, State.Rubric);
        var approval = await RequirePolicyApprovalAsync(PolicyFingerprint.Of(Key.Id, validated));
        State.AssessmentPolicy = validated;
        await RewritePublishedPolicyAsync();
        await SaveAsync(AuditEvent(actor, "credential.assessment-policy-set", Key.Id, PolicyDecisions.Details(validated, approval)));
        return validated;
    }

    public async Task<ProposalInfo> ProposeAssessmentPolicyAsync(AssessmentPolicy policy, string? note, string actor, string? proposerPerson)
    {
        RequireExists();
        return await ProposePolicyAsync(PolicyFingerprint.Of(Key.Id, AssessmentPolicyRules.Validate(policy, State.Rubric)), note, actor, proposerPerson);
    }

    public Task<AssessmentPolicy> GetAssessmentPolicyAsync()
    {
        RequireExists();
        return Task.FromResult(State.AssessmentPolicy ?? AssessmentPolicy.Default);
    }

    public async Task<LifespanPolicy> SetLifespanPolicyAsync(LifespanPolicy policy, string actor)
    {
        RequireExists();
        var validated = LifespanPolicyRules.Validate(policy, State.ValidityDays);
        var approval = await RequirePolicyApprovalAsync(PolicyFingerprint.Of(Key.Id, validated));
        State.Lifespan = validated;
        await RewritePublishedPolicyAsync();
        await SaveAsync(AuditEvent(actor, "credential.lifespan-set", Key.Id, PolicyDecisions.Details(validated, approval)));
        return validated;
    }

    public async Task<ProposalInfo> ProposeLifespanPolicyAsync(LifespanPolicy policy, string? note, string actor, string? proposerPerson)
    {
        RequireExists();
        return await ProposePolicyAsync(PolicyFingerprint.Of(Key.Id, LifespanPolicyRules.Validate(policy, State.ValidityDays)), note, actor, proposerPerson);
    }

    public async Task<CredentialDefinitionInfo> SetDirectAwardAsync(bool allowed, string actor)
    {
        RequireExists();
        if (State.AllowsDirectAward == allowed)
        {
            return ToInfo();
        }

        if (State.Status == PublicationStatus.Published && (await GrainFactory.GetGrain<IGovernanceGrain>(Community).GetAsync()).Enabled)
        {
            throw CertGridException.Policy($"Credential '{State.Name}' is published and this community has a steering committee: direct award is approved with a credential "
                + "definition, so define a new credential with the policy you want and propose it (proposeCredential).");
        }

        State.AllowsDirectAward = allowed;
        await SaveAsync(AuditEvent(actor, "credential.direct-award-set", Key.Id, new { allowsDirectAward = allowed }));
        return ToInfo();
    }

    public Task<LifespanPolicy?> GetLifespanPolicyAsync()
    {
        RequireExists();
        return Task.FromResult(State.Lifespan);
    }

    protected override Task ProjectAsync() =>
        GrainFactory.GetGrain<IProgramCatalogGrain>(Community).RecordCredentialAsync(new CatalogEntry(Key.Id, State.Name, State.Status, State.Tier));

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Credential", Key.Id);
        }
    }

    /// <summary>
    /// A published credential's policies change only as the steering committee approved (null without governance).
    /// A draft's change needs nothing here: publication approves the draft with its policies (DefinitionFingerprint).
    /// </summary>
    private Task<ProposalInfo?> RequirePolicyApprovalAsync(PolicyChange change) => State.Status == PublicationStatus.Published
        ? GovernanceGate.RequireNewestApprovedAsync(GrainFactory.GetGrain<IGovernanceGrain>(Community), change, $"this {PolicyDecisions.Name(change.Kind)} for credential '{State.Name}'")
        : Task.FromResult<ProposalInfo?>(null);

    private Task<ProposalInfo> ProposePolicyAsync(PolicyChange change, string? note, string actor, string? proposerPerson) => State.Status == PublicationStatus.Published
        ? GrainFactory.GetGrain<IGovernanceGrain>(Community).OpenProposalAsync(PolicyDecisions.Proposal(change, $"of credential '{State.Name}'", note, actor, proposerPerson))
        : throw CertGridException.Conflict($"Credential '{State.Name}' is a draft: set its policies directly; the committee approves them with the credential when it is proposed (proposeCredential).");

    /// <summary>The policies other features keep on the definition, as policy-document lines (the assessment policy in force always; the lifespan policy once set).</summary>
    private Dictionary<string, IReadOnlyList<string>> PolicyLines()
    {
        var lines = new Dictionary<string, IReadOnlyList<string>>(AssessmentPolicyText.Sections(State.AssessmentPolicy ?? AssessmentPolicy.Default));
        foreach (var (section, text) in State.Lifespan is { } lifespan ? LifespanPolicyText.Sections(lifespan) : new Dictionary<string, IReadOnlyList<string>>())
        {
            lines[section] = [.. lines.GetValueOrDefault(section) ?? [], .. text];
        }

        return lines;
    }

    /// <summary>A published credential's policy document follows its policies: changing one rewrites the document (saved with the change).</summary>
    private async Task RewritePublishedPolicyAsync()
    {
        if (State.Status == PublicationStatus.Published)
        {
            var framework = await GrainFactory.Framework(Community, State.FrameworkId).GetAsync();
            State.Policy = await new CredentialProgramRules(GrainFactory, Community, Key.Id).WritePolicyAsync(ToInfo(), framework.Name, State.FrameworkVersion, PolicyLines(), Now);
        }
    }

    private CredentialDefinitionInfo ToInfo() => new(
        Key.Id, State.Name, State.Description, State.Tier, State.FrameworkId, State.FrameworkVersion, State.CriteriaNarrative,
        State.Rubric, State.ValidityDays, State.EvaluatorsPerAttempt, State.Status, State.CreatedAt, State.PublishedAt,
        State.Requirements, State.Track, State.Translations, State.Policy, State.AssessmentPolicy, State.Lifespan, State.AllowsDirectAward);
}
