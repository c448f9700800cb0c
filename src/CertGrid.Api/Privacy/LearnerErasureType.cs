using CertGrid.Abstractions.Privacy;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Privacy;

public sealed class LearnerErasureType : ObjectGraphType<LearnerErasure>
{
    public LearnerErasureType()
    {
        Name = "LearnerErasure";
        Description = "A learner's erasure: when it happened and how many of their records it reached. What remains is being erased in the background.";
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The erased learner's id (lrn_…); the id itself is kept, with nothing personal behind it.");
        Field(x => x.ErasedAt, nullable: false).Description("When the learner was erased (UTC). Erasing again returns this first erasure.");
        Field(x => x.Attempts, nullable: false).Description("Attempts whose reflections, contact data and reviewers' notes are erased.");
        Field(x => x.Credentials, nullable: false).Description("Credentials revoked and stripped of the holder's data; copies the holder keeps still verify by signature and show the revocation.");
        Field(x => x.Artifacts, nullable: false).Description("Portfolio artifacts whose files are deleted.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
