"""Peer groups: shipped examples, JSON round trip, editing in the workspace settings."""

from __future__ import annotations

import csv

import pytest

from analyst_app.domain.peer_groups import (PeerGroup, PeerInstitution, adhoc_member,
                                            find_group, find_member, groups_from_json,
                                            groups_to_json, guess_wos_name, shipped_peer_groups)
from analyst_app.errors import InputError
from analyst_app.services.benchmark import (add_peer_group, load_peer_groups,
                                            remove_peer_group, reset_peer_groups,
                                            save_peer_groups)
from tests.conftest import esi_sample_files


def _esi_names_in_samples() -> set[str]:
    names = set()
    for path in esi_sample_files():
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                if row and row[0].isdigit():
                    names.add(row[1])
    return names


def test_shipped_groups_have_c9_and_engineering_peers():
    groups = {g.id: g for g in shipped_peer_groups()}
    assert {"C9", "E9", "DUT-ENG"} <= set(groups)
    c9 = [m.esi_name for m in groups["C9"].members]
    assert len(c9) == 9
    assert "PEKING UNIVERSITY" in c9 and "XI'AN JIAOTONG UNIVERSITY" in c9
    dut = find_member(shipped_peer_groups(), "大连理工大学")
    assert dut is not None and "Dalian Univ Technol" in dut.wos_names
    # every member carries a Chinese name and at least one WoS spelling
    for group in groups.values():
        for member in group.members:
            assert member.name_zh and member.wos_names, member


def test_shipped_esi_names_are_spelled_as_in_real_esi_lists():
    # Read the real ESI exports with the csv module: every shipped ESI name must be a row.
    names = _esi_names_in_samples()
    for group in shipped_peer_groups():
        for member in group.members:
            assert member.esi_name in names, (group.id, member.esi_name)


def test_json_round_trip_keeps_everything():
    groups = shipped_peer_groups()
    assert groups_from_json(groups_to_json(groups)) == groups
    assert groups_to_json(groups)["schema_version"] == 1


@pytest.mark.parametrize("value, message", [
    ({"groups": "C9"}, "'groups' list"),
    ({"schema_version": 99, "groups": []}, "newer than this program"),
    ({"groups": [{"id": "X", "name": "X", "members": []}]}, "has no members"),
    ({"groups": [{"id": "X", "members": [{"name_zh": "无名"}]}]}, "'esi_name'"),
    ({"groups": [{"id": "X", "members": [{"esi_name": "A"}, {"esi_name": "a "}]}]}, "twice"),
    ({"groups": [{"id": "X", "members": [{"esi_name": "A", "wos_names": "A Univ"}]}]},
     "list of texts"),
])
def test_bad_json_is_refused_with_a_message(value, message):
    with pytest.raises(InputError, match=message):
        groups_from_json(value)


def test_guessed_wos_spellings():
    assert guess_wos_name("DALIAN UNIVERSITY OF TECHNOLOGY") == "Dalian Univ Technol"
    assert (guess_wos_name("HUAZHONG UNIVERSITY OF SCIENCE & TECHNOLOGY")
            == "Huazhong Univ Sci & Technol")
    assert guess_wos_name("SOUTHEAST UNIVERSITY - CHINA") == "Southeast Univ"
    assert guess_wos_name("UNIVERSITY OF SCIENCE & TECHNOLOGY OF CHINA, CAS") == \
        "Univ Sci & Technol China"
    member = adhoc_member("TIANJIN UNIVERSITY", ["Tianjin Univ"])
    assert member.wos_names == ("Tianjin Univ",)


def test_find_group_by_id_or_name_and_unknown_group():
    groups = shipped_peer_groups()
    assert find_group(groups, "c9").id == "C9"
    assert find_group(groups, "卓越大学联盟").id == "E9"
    with pytest.raises(InputError, match="unknown peer group 'C10'.*C9"):
        find_group(groups, "C10")


def test_workspace_starts_with_shipped_groups_without_storing_them(workspace):
    assert load_peer_groups(workspace) == shipped_peer_groups()
    assert workspace.get_setting("peer_groups") is None


def test_add_remove_and_reset_in_the_workspace(workspace):
    mine = PeerGroup("MINE", "My peers", "我的对标", (
        PeerInstitution("TIANJIN UNIVERSITY", "天津大学", ("Tianjin Univ",)),
        PeerInstitution("TONGJI UNIVERSITY", "同济大学", ("Tongji Univ",))))
    add_peer_group(workspace, mine)
    assert find_group(load_peer_groups(workspace), "mine") == mine
    stored = workspace.get_setting("peer_groups")
    assert [g["id"] for g in stored["groups"]][-1] == "MINE"

    with pytest.raises(InputError, match="exists already"):
        add_peer_group(workspace, mine)
    replaced = PeerGroup("MINE", "My peers", "", mine.members[:1])
    add_peer_group(workspace, replaced, replace=True)
    assert len(find_group(load_peer_groups(workspace), "MINE").members) == 1

    remove_peer_group(workspace, "C9")
    assert "C9" not in [g.id for g in load_peer_groups(workspace)]
    with pytest.raises(InputError, match="unknown peer group"):
        remove_peer_group(workspace, "C9")
    reset_peer_groups(workspace)
    assert load_peer_groups(workspace) == shipped_peer_groups()


def test_invalid_group_changes_nothing(workspace):
    save_peer_groups(workspace, shipped_peer_groups()[:1])
    before = workspace.get_setting("peer_groups")
    with pytest.raises(InputError, match="no members"):
        add_peer_group(workspace, PeerGroup("EMPTY", "Empty"))
    with pytest.raises(InputError, match="twice"):
        save_peer_groups(workspace, [PeerGroup("D", "Dup", "", (
            PeerInstitution("A"), PeerInstitution("A")))])
    assert workspace.get_setting("peer_groups") == before


def test_corrupt_setting_gives_a_clear_error(workspace):
    workspace.set_setting("peer_groups", {"groups": [{"id": "X"}]})
    with pytest.raises(InputError, match="workspace peer groups, group 1"):
        load_peer_groups(workspace)
