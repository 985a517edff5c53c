using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Salient.Conventions.Tests.Metadata;

/// <summary>
/// What a built assembly refers to outside itself, read from its metadata tables with System.Reflection.Metadata
/// (the assembly is never loaded): the assemblies it references, and every external type and member it uses with the
/// types and members of its own that use them.
/// </summary>
/// <remarks>
/// Sees every use the compiler records as a TypeRef or MemberRef: calls, field access, signatures, locals, catch
/// clauses, generic constraints, explicit interface implementations and attribute constructors. It cannot see a type
/// named only by string (reflection, <c>Type.GetType("System.IO.File")</c>, or <c>typeof</c> inside an attribute
/// argument, which metadata stores as a string).
/// </remarks>
/// <param name="Name">The assembly's simple name (e.g. <c>Salient.Engine</c>, <c>salient</c> for the CLI).</param>
/// <param name="AssemblyReferences">The simple names of the referenced assemblies, sorted.</param>
/// <param name="References">Every external type and member reference, sorted by type then member.</param>
internal sealed record AssemblyMetadata(string Name, ImmutableArray<string> AssemblyReferences, ImmutableArray<ExternalReference> References)
{
    /// <summary>Reads the assembly at <paramref name="path"/>.</summary>
    public static AssemblyMetadata Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        string name = reader.GetString(reader.GetAssemblyDefinition().Name);
        var assemblies = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))
            .Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var scanner = new UsageScanner(reader, pe);
        scanner.ScanAllTypes();

        var references = new List<ExternalReference>();
        foreach (var handle in reader.TypeReferences)
        {
            string type = TypeReferenceName(reader, handle);
            references.Add(new ExternalReference(type, null, scanner.UsersOf(type, null)));
        }
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (scanner.ParentName(member.Parent) is not { } type) continue; // a member of one of our own types
            string memberName = reader.GetString(member.Name);
            references.Add(new ExternalReference(type, memberName, scanner.UsersOf(type, memberName)));
        }
        var merged = references
            .GroupBy(r => (r.Type, r.Member))
            .Select(g => new ExternalReference(g.Key.Type, g.Key.Member, [.. g.SelectMany(r => r.Users).Distinct().Order(StringComparer.Ordinal)]))
            .OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Member ?? "", StringComparer.Ordinal)
            .ToImmutableArray();
        return new AssemblyMetadata(name, assemblies, merged);
    }

    /// <summary>The full name of a type reference, nested types joined with '+' (e.g. <c>System.Environment+SpecialFolder</c>).</summary>
    internal static string TypeReferenceName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return TypeReferenceName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    internal static string TypeDefinitionName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return TypeDefinitionName(reader, declaring) + "+" + name;
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>
    /// Walks every type definition of the assembly (base types, interfaces, fields, method signatures, locals,
    /// attributes and IL bodies) and records which of its own members use which external type or member.
    /// </summary>
    private sealed class UsageScanner(MetadataReader reader, PEReader pe)
    {
        private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value, o => o.OperandType);

        private readonly Dictionary<(string Type, string? Member), SortedSet<string>> _users = [];

        public ImmutableArray<string> UsersOf(string type, string? member) =>
            _users.TryGetValue((type, member), out var users) ? [.. users] : [];

        public void ScanAllTypes()
        {
            foreach (var typeHandle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(typeHandle);
                string typeName = TypeDefinitionName(reader, typeHandle);
                Entity(type.BaseType, typeName);
                foreach (var i in type.GetInterfaceImplementations()) Entity(reader.GetInterfaceImplementation(i).Interface, typeName);
                Attributes(type.GetCustomAttributes(), typeName);
                GenericParameters(type.GetGenericParameters(), typeName);
                foreach (var implHandle in type.GetMethodImplementations()) // explicit interface implementations
                    Entity(reader.GetMethodImplementation(implHandle).MethodDeclaration, typeName);
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = reader.GetFieldDefinition(fieldHandle);
                    string user = typeName + "::" + reader.GetString(field.Name);
                    Signature(user, p => field.DecodeSignature(p, null));
                    Attributes(field.GetCustomAttributes(), user);
                }
                foreach (var propertyHandle in type.GetProperties())
                    Attributes(reader.GetPropertyDefinition(propertyHandle).GetCustomAttributes(), typeName + "::" + reader.GetString(reader.GetPropertyDefinition(propertyHandle).Name));
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    string user = typeName + "::" + reader.GetString(method.Name);
                    Signature(user, p => method.DecodeSignature(p, null));
                    Attributes(method.GetCustomAttributes(), user);
                    foreach (var parameter in method.GetParameters()) Attributes(reader.GetParameter(parameter).GetCustomAttributes(), user);
                    GenericParameters(method.GetGenericParameters(), user);
                    if (method.RelativeVirtualAddress != 0) Body(pe.GetMethodBody(method.RelativeVirtualAddress), user);
                }
            }
            Attributes(reader.GetAssemblyDefinition().GetCustomAttributes(), "[assembly]");
            Attributes(reader.GetModuleDefinition().GetCustomAttributes(), "[module]");
        }

        /// <summary>The external type a member reference belongs to, or null when it belongs to a type of this assembly.</summary>
        public string? ParentName(EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeReference => TypeReferenceName(reader, (TypeReferenceHandle)parent),
            HandleKind.TypeSpecification => GenericDefinition(reader.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(new NameProvider(reader, []), null)),
            _ => null,
        };

        private static string? GenericDefinition(string decoded)
        {
            int angle = decoded.IndexOf('<', StringComparison.Ordinal);
            string bare = angle < 0 ? decoded : decoded[..angle];
            return bare.StartsWith("def:", StringComparison.Ordinal) || bare.StartsWith('!') ? null : bare;
        }

        private void Record(string type, string? member, string user)
        {
            if (!_users.TryGetValue((type, member), out var users)) _users[(type, member)] = users = new SortedSet<string>(StringComparer.Ordinal);
            users.Add(user);
        }

        private void Signature(string user, Action<NameProvider> decode)
        {
            var seen = new List<string>();
            decode(new NameProvider(reader, seen));
            foreach (string type in seen) Record(type, null, user);
        }

        private void Attributes(CustomAttributeHandleCollection attributes, string user)
        {
            foreach (var handle in attributes) Entity(reader.GetCustomAttribute(handle).Constructor, user);
        }

        /// <summary>Records the use of the type, member or generic instantiation behind <paramref name="handle"/>.</summary>
        private void Entity(EntityHandle handle, string user)
        {
            if (handle.IsNil) return;
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    Record(TypeReferenceName(reader, (TypeReferenceHandle)handle), null, user);
                    break;
                case HandleKind.TypeSpecification:
                    Signature(user, p => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(p, null));
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent, user);
                    if (ParentName(member.Parent) is { } parent) Record(parent, reader.GetString(member.Name), user);
                    if (member.GetKind() == MemberReferenceKind.Method) Signature(user, p => member.DecodeMethodSignature(p, null));
                    else Signature(user, p => member.DecodeFieldSignature(p, null));
                    break;
                case HandleKind.MethodSpecification:
                    var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method, user);
                    Signature(user, p => spec.DecodeSignature(p, null));
                    break;
                case HandleKind.MethodDefinition: // a call to our own method: nothing external
                default:
                    break;
            }
        }

        private void GenericParameters(GenericParameterHandleCollection parameters, string user)
        {
            foreach (var handle in parameters)
            {
                var parameter = reader.GetGenericParameter(handle);
                Attributes(parameter.GetCustomAttributes(), user);
                foreach (var constraint in parameter.GetConstraints())
                {
                    var c = reader.GetGenericParameterConstraint(constraint);
                    Entity(c.Type, user);
                    Attributes(c.GetCustomAttributes(), user);
                }
            }
        }

        private void Body(MethodBodyBlock body, string user)
        {
            foreach (var region in body.ExceptionRegions) Entity(region.CatchType, user);
            if (!body.LocalSignature.IsNil)
                Signature(user, p => reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(p, null));
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
                switch (OperandTypes[code])
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
                    case OperandType.InlineVar: il.Offset += 2; break;
                    case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
                    case OperandType.InlineSwitch:
                        int targets = il.ReadInt32(); // read first: `il.Offset += 4 * il.ReadInt32()` would read Offset before the count
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()), user);
                        break;
                    default: il.Offset += 4; break; // branch targets, int32/float32 constants, strings, calli signatures
                }
            }
        }
    }

    /// <summary>Decodes signatures to readable names, noting every external type reference met on the way.</summary>
    private sealed class NameProvider(MetadataReader reader, List<string> seen) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) =>
            "def:" + TypeDefinitionName(metadata, handle);

        public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        {
            string name = TypeReferenceName(metadata, handle);
            seen.Add(name);
            return name;
        }

        public string GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }
}

/// <summary>An external type (<see cref="Member"/> null) or one of its members that an assembly refers to.</summary>
/// <param name="Type">The type's full name, nested types joined with '+'.</param>
/// <param name="Member">The member's name (<c>.ctor</c> for constructors), or null for the type itself.</param>
/// <param name="Users">The assembly's own members that use it, as <c>Namespace.Type::member</c>; empty when unattributed.</param>
internal sealed record ExternalReference(string Type, string? Member, ImmutableArray<string> Users)
{
    /// <summary>The reference as written in messages: <c>System.IO.File::WriteAllText</c> or <c>System.Console</c>.</summary>
    public string Display => Member is null ? Type : Type + "::" + Member;
}
