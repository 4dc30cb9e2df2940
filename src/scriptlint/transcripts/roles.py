"""Speaker labels → the four roles rules know: agent, debtor, third_party, system.

ASR and QA systems label speakers in many ways (坐席/客服/staff, 客户/customer, A/B, S/C …).
Labels are matched after trimming and lower-casing; deployments add their own with
``RoleMap.with_aliases({"催收一组": "agent"})`` (CLI: ``--role-alias LABEL=ROLE``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from scriptlint.model import ROLES

DEFAULT_ALIASES: dict[str, str] = {
    **dict.fromkeys(("agent", "staff", "seat", "collector", "service", "s", "a", "坐席", "座席", "客服",
                     "催收员", "催收专员", "催收人员", "工作人员", "业务员", "员工", "机器人", "智能语音",
                     "robot", "bot", "voicebot"), "agent"),
    **dict.fromkeys(("debtor", "customer", "client", "user", "c", "b", "客户", "债务人", "借款人", "持卡人",
                     "用户", "本人", "主叫客户"), "debtor"),
    **dict.fromkeys(("third_party", "third party", "thirdparty", "contact", "第三方", "第三人", "联系人",
                     "紧急联系人", "家属", "亲属"), "third_party"),
    **dict.fromkeys(("system", "ivr", "prompt", "tone", "系统", "提示音", "语音提示"), "system"),
}


def _key(label: str) -> str:
    return " ".join(str(label).strip().lower().split())


@dataclass(frozen=True)
class RoleMap:
    aliases: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ALIASES))

    def with_aliases(self, extra: Mapping[str, str]) -> RoleMap:
        """A copy where ``extra`` (label → role) wins over the defaults; raises ValueError on a bad role."""
        for label, role in extra.items():
            if role not in ROLES:
                raise ValueError(f"role alias {label!r}: {role!r} is not one of {', '.join(ROLES)}")
        return RoleMap({**self.aliases, **{_key(k): v for k, v in extra.items()}})

    def role(self, label: object) -> str | None:
        """The role for a raw label, or None when the label is unknown."""
        return self.aliases.get(_key(str(label)))

    def labels(self) -> list[str]:
        return sorted(self.aliases, key=len, reverse=True)


def parse_aliases(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["LABEL=ROLE", …]`` from the command line → a mapping; ValueError names a malformed item."""
    result: dict[str, str] = {}
    for item in items:
        label, sep, role = item.rpartition("=")
        if not sep or not label.strip():
            raise ValueError(f"role alias {item!r}: expected LABEL=ROLE")
        result[label] = role.strip()
    return result


DEFAULT_ROLES = RoleMap()
