using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Demographics;
using GraphQL.Types;

namespace CertGrid.Api.Demographics;

public sealed class DemographicLabelType : ObjectGraphType<DemographicLabel>
{
    public DemographicLabelType()
    {
        Name = "DemographicLabel";
        Field(x => x.Language, nullable: false).Description("A language tag, for example en or fr.");
        Field(x => x.Text, nullable: false).Description("The attribute's name in that language.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DemographicAttributeType : ObjectGraphType<DemographicAttributeDefinition>
{
    public DemographicAttributeType()
    {
        Name = "DemographicAttribute";
        Description = "A demographic attribute learners may choose to declare; used only in aggregated fairness breakdowns.";
        Field(x => x.Code, nullable: false).Description("The attribute's code, for example age-band.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("The values a learner may declare.").Resolve(ctx => ctx.Source.Values);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DemographicLabelType>>>>("labels").Description("The attribute's name in each language.").Resolve(ctx => ctx.Source.Labels);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DeclaredValueType : ObjectGraphType<DeclaredValue>
{
    public DeclaredValueType()
    {
        Name = "DeclaredValue";
        Description = "One value the learner declared about themselves.";
        Field(x => x.Attribute, nullable: false).Description("The attribute's code.");
        Field(x => x.Value, nullable: false).Description("The declared value.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DeclaredValueInputType : InputObjectGraphType<DeclaredValue>
{
    public DeclaredValueInputType()
    {
        Name = "DeclaredValueInput";
        Field(x => x.Attribute, nullable: false).Description("An attribute's code (demographicAttributes).");
        Field(x => x.Value, nullable: false).Description("One of the attribute's values.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new DeclaredValue(value["attribute"] as string ?? string.Empty, value["value"] as string ?? string.Empty);
}

public sealed class DemographicLabelInputType : InputObjectGraphType<DemographicLabel>
{
    public DemographicLabelInputType()
    {
        Name = "DemographicLabelInput";
        Field(x => x.Language, nullable: false).Description("A language tag, for example en or fr.");
        Field(x => x.Text, nullable: false).Description("The attribute's name in that language.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new DemographicLabel(value["language"] as string ?? string.Empty, value["text"] as string ?? string.Empty);
}

public sealed class DemographicAttributeInput
{
    public string Code { get; set; } = string.Empty;
    public List<string> Values { get; set; } = [];
    public List<DemographicLabel> Labels { get; set; } = [];

    public DemographicAttributeDefinition ToAttribute() => new(Code, Values, Labels);
}

public sealed class DemographicAttributeInputType : InputObjectGraphType<DemographicAttributeInput>
{
    public DemographicAttributeInputType()
    {
        Name = "DemographicAttributeInput";
        Description = "An attribute learners may declare: a code, its values (codes) and its name in each language.";
        Field(x => x.Code, nullable: false).Description("1 to 40 lower-case letters, digits or hyphens; an existing code is replaced.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Description("2 to 20 distinct value codes.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DemographicLabelInputType>>>>("labels").Description("1 to 10 labels, one per language.");
    }
}
